// `npm run bench:backbone` (issue #2): UnitOfWork → outbox → OutboxRelay → Kafka → idempotent EventConsumer,
// on the real broker and PostgreSQL, next to raw kafkajs produce/consume of the same messages in the same run.
// Starts the local broker when none answers (as `npm test` does). Prints tables to record in BENCHMARKS.md and ends
// with one JSON line {"raw","batch","perEvent","p99Ms","lost","doubled"}; exits non-zero if a run loses or
// duplicates an event (missed targets are printed, not failed).
import 'reflect-metadata';
import os from 'node:os';
import { createTestDataSource, testKafka } from '@giftflow/testing';
import { readerDatabase } from '../../libs/testing/src/fixtures/backbone-fixture';
import { READER_DB, WRITER_DB, backboneLatency, backboneThroughput } from './backbone-runs';
import { describeVariant, log, percentile, perSecond, settings } from './bench-support';
import { rawKafkajs } from './raw-kafkajs';
import { checkPostgres, startKafka } from '../../scripts/infra';

/** Issue #7's targets, as ratios to raw kafkajs end to end in the same run (a shared machine moves both alike). */
const TARGET_BATCH_RATIO = 0.5;
const TARGET_PER_EVENT_RATIO = 0.3;
const TARGET_P99_MS = 100;

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

async function main(): Promise<void> {
  const { events, perTransaction, partitions, variants } = settings;
  startKafka();
  await checkPostgres();
  const kafka = testKafka('giftflow-bench');
  const writer = await createTestDataSource(WRITER_DB);
  const reader = await readerDatabase(true, READER_DB);
  const [{ version }] = await writer.query('SELECT version()');
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`${events} events, ${partitions} partitions, relay batch ${settings.relayBatch}, consumer chunk ${settings.chunkSize}; load average ${load()}`);
  try {
    log('raw kafkajs: produce + consume');
    const raw = await rawKafkajs(kafka);
    const rawEndToEnd = perSecond(events, raw.endToEndMs);
    const columns: string[][] = [];
    const results: { variant: (typeof variants)[number]; endToEnd: number; p99: number }[] = [];
    let lost = 0;
    let doubled = 0;
    for (const variant of variants) {
      log(`backbone, consumer ${describeVariant(variant)}: throughput, ${events} events in transactions of ${perTransaction}`);
      const run = await backboneThroughput(kafka, writer, reader, variant);
      log(`backbone, consumer ${describeVariant(variant)}: latency, ${settings.offeredRate} events/s offered for ${settings.warmUpSeconds} s of warm-up + ${settings.latencySeconds} s measured, one event per transaction`);
      const latency = await backboneLatency(kafka, writer, reader, variant);
      const { latencies, committedPerSecond } = latency;
      lost += run.lost + latency.lost;
      doubled += run.doubled + latency.doubled;
      const endToEnd = perSecond(events, run.endToEndMs);
      const [p50, p95, p99, max] = [50, 95, 99, 100].map((p) => Math.round(percentile(latencies, p)));
      const warmUpP99 = latency.warmUpLatencies.length > 0 ? `${Math.round(percentile(latency.warmUpLatencies, 99))} ms` : '–';
      results.push({ variant, endToEnd, p99 });
      const target = variant.batch ? TARGET_BATCH_RATIO : TARGET_PER_EVENT_RATIO;
      columns.push([
        `${perSecond(events, run.commitMs)} events/s`,
        `${perSecond(events, run.publishedMs)} events/s`,
        `**${endToEnd} events/s** (${(run.endToEndMs / 1000).toFixed(1)} s)`,
        (endToEnd / rawEndToEnd).toFixed(2),
        `${run.writerCpuUs} / ${run.consumerCpuUs} / ${run.writerDbCpuUs} / ${run.readerDbCpuUs} µs`,
        `${committedPerSecond} events/s`,
        `${latency.writerCpuUs} / ${latency.writerDbCpuUs} µs`,
        `**${p50} / ${p95} / ${p99} / ${max} ms**`,
        warmUpP99,
        `${latency.warmUpP99PerSecond.join(', ') || '–'}; ${latency.measuredP99PerSecond.join(', ')} ms`,
        `${met(endToEnd / rawEndToEnd >= target)} (${target}) / ${met(p99 < TARGET_P99_MS)}`,
      ]);
    }
    const measures = [
      `commits to the outbox (UnitOfWork, ${perTransaction} events per transaction)`,
      'relay (first commit → last outbox row claimed)',
      'end to end (first commit → last handled)',
      'ratio backbone / raw kafkajs, end to end',
      'CPU per event: writer + relay process / consumer process / writer database\'s backends / reader database\'s backends (throughput run)',
      `latency run: committed (${settings.offeredRate} events/s offered, one per transaction)`,
      'latency run, CPU per event: writer + relay process / writer database\'s backends',
      `latency commit → handled, the ${settings.latencySeconds} s measured: p50 / p95 / p99 / max`,
      `latency p99 of the ${settings.warmUpSeconds} s warm-up before them (not counted)`,
      'latency p99 of each second, by commit time: warm-up; measured',
      `targets: ratio ≥ ${TARGET_BATCH_RATIO} (batch handler) or ${TARGET_PER_EVENT_RATIO} (per event) / p99 < ${TARGET_P99_MS} ms`,
    ];
    console.log('');
    console.log(`${new Date().toISOString()}; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, Kafka 3.9.1 (one KRaft node), ${version}`);
    console.log(`load average at the end: ${load()} (1, 5, 15 min)`);
    console.log('');
    console.log(table(['raw kafkajs, same messages', 'result'], [
      [`produce (sendBatch of ${settings.rawBatch}, acks=all, ${raw.messageBytes}-byte envelopes, the relay's producer settings)`, `${perSecond(events, raw.produceMs)} events/s`],
      ['consume (eachBatch, a new group reading the topic)', `${perSecond(events, raw.consumeMs)} events/s`],
      ['end to end (first send → last consumed)', `${rawEndToEnd} events/s`],
    ]));
    console.log('');
    console.log(table(['backbone', ...variants.map((v) => `consumer: ${describeVariant(v)}`)],
      measures.map((measure, i) => [measure, ...columns.map((column) => column[i])])));
    console.log('');
    console.log(lost || doubled ? `LOST ${lost}, DOUBLED ${doubled} events` : 'no event lost or duplicated in any run');
    // batch: the batch-handler variant; perEvent: the per-event variant services run by default (the first listed);
    // p99Ms: the worst p99 at the offered rate of the variants run (by default the two services run with).
    const batch = results.find((r) => r.variant.batch);
    const perEvent = results.find((r) => !r.variant.batch);
    console.log(JSON.stringify({
      raw: rawEndToEnd, batch: batch?.endToEnd ?? null, perEvent: perEvent?.endToEnd ?? null,
      p99Ms: Math.max(...results.map((r) => r.p99)), lost, doubled,
    }));
    if (lost || doubled) process.exitCode = 1;
  } finally {
    await writer.destroy();
    await reader.destroy();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    console.error(`[bench] FAILED: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
