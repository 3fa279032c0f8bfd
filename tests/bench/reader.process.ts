import 'reflect-metadata';
import { testKafka } from '@giftflow/testing';
import { readerDatabase, recordingConsumer } from '../../libs/testing/src/fixtures/backbone-fixture';

/**
 * The benchmark's consuming service: the idempotent EventConsumer (libs/messaging) whose handler inserts
 * each DonorRegistered into `received` (handled_at = clock_timestamp()), inbox row and effect in one
 * transaction per chunk. Reports how many it has handled to the parent; stops cleanly on SIGTERM, letting the
 * chunk in flight commit.
 */
async function main(): Promise<void> {
  const reader = await readerDatabase(false, process.env.READER_DB);
  let handled = 0;
  const consumer = recordingConsumer(testKafka('giftflow-bench-reader'), reader, process.env.TOPIC_PREFIX ?? '', {
    chunkSize: Number(process.env.CHUNK_SIZE),
    partitionsConsumedConcurrently: Number(process.env.PARTITIONS_CONCURRENTLY),
    batchHandler: process.env.BATCH_HANDLER === '1',
    onHandled: (events) => void (handled += events.length),
  });
  // Progress goes to the parent over IPC: polling `received` would load the very database being measured.
  // Also while idle, so that the CPU it had used when a run starts is known.
  const reporter = setInterval(() => {
    if (!process.connected) return;
    const { user, system } = process.cpuUsage();
    process.send?.({ handled, cpuMs: (user + system) / 1000 });
  }, 20);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void consumer.stop().then(() => reader.destroy()).then(() => {
      clearInterval(reporter);
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // the benchmark died: do not linger as an orphan in its group
  await consumer.start();
}

main().catch((error: Error) => {
  console.error(`[bench reader] ${error.stack ?? error.message}`);
  process.exit(1);
});
