// `npm run bench:backbone` (issue #2): UnitOfWork → outbox → OutboxRelay → Kafka → idempotent EventConsumer,
// on the real broker and PostgreSQL, next to raw kafkajs produce/consume of the same messages in the same run
// (BENCH_ROUNDS rounds in turn, 3 by default: the ratios are each round's, the verdict their median).
// Starts the local broker when none answers (as `npm test` does). Prints tables to record in BENCHMARKS.md and ends
// with one JSON line {"raw","batch","perEvent","p99Ms","lost","doubled","batchRatio","perEventRatio","rounds"}; exits non-zero if a run loses or
// duplicates an event (missed targets are printed, not failed).
import 'reflect-metadata';
import os from 'node:os';
import { createTestDataSource, testKafka } from '@giftflow/testing';
import { readerDatabase } from '../../libs/testing/src/fixtures/backbone-fixture';
import { LatencyResult, READER_DB, ThroughputResult, WRITER_DB, backboneLatency, backboneThroughput, startBenchRelay } from './backbone-runs';
import { describeVariant, log, medianBy, percentile, perSecond, settings } from './bench-support';
import { RawResult, rawKafkajs } from './raw-kafkajs';
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
  const relay = await startBenchRelay(kafka, writer);
  const [{ version }] = await writer.query('SELECT version()');
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`${events} events, ${partitions} partitions, relay batch ${settings.relayBatch}, consumer chunk ${settings.chunkSize}; load average ${load()}`);
  try {
    // Rounds in turn: raw kafkajs, then each variant's throughput run; each round's ratios are its own. The first
    // round runs each variant's latency run right after its throughput run, as a single round always did: later
    // rounds' throughput runs would leave more for autovacuum to do under it.
    log('raw kafkajs: a warm-up run, not counted (the throughput runs of the backbone warm up too)');
    await rawKafkajs(kafka);
    const raws: RawResult[] = [];
    const throughputs = variants.map(() => [] as { run: ThroughputResult; raw: number }[]);
    const latencies: LatencyResult[] = [];
    for (let round = 1; round <= settings.rounds; round += 1) {
      log(`round ${round}/${settings.rounds}: raw kafkajs: produce + consume`);
      const raw = await rawKafkajs(kafka);
      raws.push(raw);
      for (const [i, variant] of variants.entries()) {
        log(`round ${round}/${settings.rounds}: backbone, consumer ${describeVariant(variant)}: throughput, ${events} events in transactions of ${perTransaction}`);
        const run = await backboneThroughput(kafka, writer, reader, relay, variant);
        throughputs[i].push({ run, raw: perSecond(events, raw.endToEndMs) });
        if (round > 1) continue;
        log(`backbone, consumer ${describeVariant(variant)}: latency, ${settings.offeredRate} events/s offered for ${settings.warmUpSeconds} s of warm-up + ${settings.latencySeconds} s measured, one event per transaction`);
        latencies.push(await backboneLatency(kafka, writer, reader, relay, variant));
      }
    }
    const deliveries = [...throughputs.flat().map((t) => t.run), ...latencies];
    const lost = deliveries.reduce((n, d) => n + d.lost, 0);
    const doubled = deliveries.reduce((n, d) => n + d.doubled, 0);
    const ratioOf = ({ run, raw }: { run: ThroughputResult; raw: number }) => perSecond(events, run.endToEndMs) / raw;
    const raw = medianBy(raws, (r) => perSecond(events, r.endToEndMs));
    const rawEndToEnd = perSecond(events, raw.endToEndMs);
    const columns: string[][] = [];
    const results: { variant: (typeof variants)[number]; endToEnd: number; ratio: number; p99: number }[] = [];
    for (const [i, variant] of variants.entries()) {
      const latency = latencies[i];
      const { latencies: samples, committedPerSecond } = latency;
      // The round whose ratio is the median stands for the variant: its figures, its ratio.
      const middle = medianBy(throughputs[i], ratioOf);
      const { run } = middle;
      const ratio = ratioOf(middle);
      const endToEnd = perSecond(events, run.endToEndMs);
      const [p50, p95, p99, max] = [50, 95, 99, 100].map((p) => Math.round(percentile(samples, p)));
      const warmUpP99 = latency.warmUpLatencies.length > 0 ? `${Math.round(percentile(latency.warmUpLatencies, 99))} ms` : '–';
      results.push({ variant, endToEnd, ratio, p99 });
      const target = variant.batch ? TARGET_BATCH_RATIO : TARGET_PER_EVENT_RATIO;
      columns.push([
        `${perSecond(events, run.commitMs)} events/s`,
        `${perSecond(events, run.publishedMs)} events/s`,
        `**${endToEnd} events/s** (${(run.endToEndMs / 1000).toFixed(1)} s)`,
        `${ratio.toFixed(2)} (each round: ${throughputs[i].map((t) => ratioOf(t).toFixed(2)).join(', ')})`,
        `${run.writerCpuUs} / ${run.consumerCpuUs} / ${run.writerDbCpuUs} / ${run.readerDbCpuUs} µs`,
        `${committedPerSecond} events/s`,
        `${latency.writerCpuUs} / ${latency.writerDbCpuUs} µs`,
        `**${p50} / ${p95} / ${p99} / ${max} ms**`,
        warmUpP99,
        `${latency.warmUpP99PerSecond.join(', ') || '–'}; ${latency.measuredP99PerSecond.join(', ')} ms`,
        `${met(ratio >= target)} (${target}) / ${met(p99 < TARGET_P99_MS)}`,
      ]);
    }
    const measures = [
      `commits to the outbox (UnitOfWork, ${perTransaction} events per transaction), the median round`,
      'relay (first commit → last outbox row claimed)',
      'end to end (first commit → last handled)',
      `ratio backbone / raw kafkajs of the same round, end to end: the median of ${settings.rounds}`,
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
    console.log(table(['raw kafkajs, same messages', ...raws.map((_, i) => `round ${i + 1}`)], [
      [`produce (sendBatch of ${settings.rawBatch}, acks=all, ${raw.messageBytes}-byte envelopes, the relay's producer settings)`, ...raws.map((r) => `${perSecond(events, r.produceMs)} events/s`)],
      ['consume (eachBatch, a new group reading the topic)', ...raws.map((r) => `${perSecond(events, r.consumeMs)} events/s`)],
      ['end to end (first send → last consumed)', ...raws.map((r) => `${perSecond(events, r.endToEndMs)} events/s`)],
    ]));
    console.log('');
    console.log(table(['backbone', ...variants.map((v) => `consumer: ${describeVariant(v)}`)],
      measures.map((measure, i) => [measure, ...columns.map((column) => column[i])])));
    console.log('');
    console.log(lost || doubled ? `LOST ${lost}, DOUBLED ${doubled} events` : 'no event lost or duplicated in any run');
    // batch: the batch-handler variant; perEvent: the per-event variant services run by default (the first listed),
    // each its median round; raw: the median raw run; the ratios are the medians of each round's own.
    // p99Ms: the worst p99 at the offered rate of the variants run (by default the two services run with).
    const batch = results.find((r) => r.variant.batch);
    const perEvent = results.find((r) => !r.variant.batch);
    const twoPlaces = (ratio: number | undefined) => (ratio === undefined ? null : Math.round(ratio * 100) / 100);
    console.log(JSON.stringify({
      raw: rawEndToEnd, batch: batch?.endToEnd ?? null, perEvent: perEvent?.endToEnd ?? null,
      p99Ms: Math.max(...results.map((r) => r.p99)), lost, doubled,
      batchRatio: twoPlaces(batch?.ratio), perEventRatio: twoPlaces(perEvent?.ratio), rounds: settings.rounds,
    }));
    if (lost || doubled) process.exitCode = 1;
  } finally {
    await relay.stop();
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
