// `npm run bench:backbone` (issue #2): UnitOfWork → outbox → OutboxRelay → Kafka → idempotent EventConsumer,
// on the real broker and PostgreSQL, next to raw kafkajs produce/consume of the same messages in the same run.
// Prints a table to record in BENCHMARKS.md; exits non-zero if a run loses or duplicates an event.
import 'reflect-metadata';
import os from 'node:os';
import { createTestDataSource, testKafka } from '@giftflow/testing';
import { readerDatabase } from '../../libs/testing/src/fixtures/backbone-fixture';
import { READER_DB, backboneLatency, backboneThroughput } from './backbone-runs';
import { log, percentile, perSecond, settings } from './bench-support';
import { rawKafkajs } from './raw-kafkajs';

const TARGET_EVENTS_PER_SECOND = 5_000;
const TARGET_P99_MS = 250;

async function main(): Promise<number> {
  const { events, perTransaction, partitions } = settings;
  const kafka = testKafka('giftflow-bench');
  const writer = await createTestDataSource('giftflow_test_bench_writer');
  const reader = await readerDatabase(true, READER_DB);
  const [{ version }] = await writer.query('SELECT version()');
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`${events} events, ${partitions} partitions; consumer chunk ${settings.chunkSize}, ${settings.partitionsConsumedConcurrently} partition(s) at a time; relay batch ${settings.relayBatch}; load average ${load()}`);
  try {
    log('1/3 raw kafkajs: produce + consume');
    const raw = await rawKafkajs(kafka);
    log(`2/3 backbone throughput: ${events} events in transactions of ${perTransaction}`);
    const backbone = await backboneThroughput(kafka, writer, reader);
    log(`3/3 backbone latency: ${settings.offeredRate} events/s offered for ${settings.latencySeconds} s, one event per transaction`);
    const latencies = await backboneLatency(kafka, writer, reader);

    const rawEndToEnd = perSecond(events, raw.endToEndMs);
    const backboneEndToEnd = perSecond(events, backbone.endToEndMs);
    const [p50, p95, p99, max] = [50, 95, 99, 100].map((p) => Math.round(percentile(latencies, p)));
    const rows: [string, string][] = [
      [`raw kafkajs produce (sendBatch of ${settings.rawBatch}, acks=all, ${raw.messageBytes}-byte envelopes)`, `${perSecond(events, raw.produceMs)} events/s`],
      ['raw kafkajs consume (eachBatch, new group reading the topic)', `${perSecond(events, raw.consumeMs)} events/s`],
      ['raw kafkajs end to end (first send → last consumed)', `${rawEndToEnd} events/s`],
      [`backbone commits to the outbox (UnitOfWork, ${perTransaction} events per transaction)`, `${perSecond(events, backbone.commitMs)} events/s`],
      ['backbone relay (first commit → last outbox row claimed)', `${perSecond(events, backbone.publishedMs)} events/s`],
      ['**backbone end to end (first commit → last handled)**', `**${backboneEndToEnd} events/s** (${(backbone.endToEndMs / 1000).toFixed(1)} s)`],
      ['ratio backbone / raw, end to end', (backboneEndToEnd / rawEndToEnd).toFixed(2)],
      [`latency at ${settings.offeredRate} events/s, commit → handled: p50 / p95 / p99 / max`, `${p50} / ${p95} / ${p99} / ${max} ms (${latencies.length} events)`],
    ];
    const throughputMet = backboneEndToEnd >= TARGET_EVENTS_PER_SECOND;
    const latencyMet = p99 < TARGET_P99_MS;
    console.log('');
    console.log(`${new Date().toISOString()}; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, Kafka 3.9.1 (one KRaft node), ${version}`);
    console.log(`load average at the end: ${load()}`);
    console.log('');
    console.log('| measure | result |');
    console.log('|---|---|');
    for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
    console.log('');
    console.log(`targets: ≥${TARGET_EVENTS_PER_SECOND} events/s end to end: ${throughputMet ? 'met' : 'NOT met'}; p99 < ${TARGET_P99_MS} ms at 1,000 events/s: ${latencyMet ? 'met' : 'NOT met'}`);
    console.log('no event lost or duplicated in any run');
    return 0;
  } finally {
    await writer.destroy();
    await reader.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] FAILED: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
