import 'reflect-metadata';
import { testKafka } from '@giftflow/testing';
import { readerDatabase, recordingConsumer } from '../../libs/testing/src/fixtures/backbone-fixture';

/**
 * The benchmark's consuming service: the idempotent EventConsumer (libs/messaging) whose handler inserts
 * each DonorRegistered into `received` (handled_at = clock_timestamp()), inbox row and effect in one
 * transaction per chunk. Stops cleanly on SIGTERM, letting the chunk in flight commit.
 */
async function main(): Promise<void> {
  const reader = await readerDatabase(false, process.env.READER_DB);
  const consumer = recordingConsumer(testKafka('giftflow-bench-reader'), reader, process.env.TOPIC_PREFIX ?? '', {
    chunkSize: Number(process.env.CHUNK_SIZE),
    partitionsConsumedConcurrently: Number(process.env.PARTITIONS_CONCURRENTLY),
  });
  process.once('SIGTERM', () => {
    void consumer.stop().then(() => reader.destroy()).then(() => process.exit(0));
  });
  await consumer.start();
}

main().catch((error: Error) => {
  console.error(`[bench reader] ${error.stack ?? error.message}`);
  process.exit(1);
});
