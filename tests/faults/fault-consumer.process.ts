import { createTestDataSource, testKafka } from '@giftflow/testing';
import { recordingConsumer } from './fault-harness';

/**
 * The fault suite's consumer as a process of its own, so a scenario can kill it for real.
 * CRASH_AFTER_COMMITS=n: after the n-th chunk's transaction (work, inbox rows and offsets) commits, record the
 * chunk in `kill_mark` (so the scenario can prove where the kill landed) and SIGKILL itself.
 */
async function main() {
  const reader = await createTestDataSource(process.env.READER_DB!, [], false);
  const crashAfter = Number(process.env.CRASH_AFTER_COMMITS ?? 0);
  let commits = 0;
  const consumer = recordingConsumer(testKafka('fault-consumer', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')), reader, process.env.TOPIC_PREFIX ?? '', {
    name: `process-${process.pid}`,
    batch: process.env.BATCH_HANDLER === '1',
    chunkSize: Number(process.env.CHUNK_SIZE ?? 100),
    handlerDelayMs: Number(process.env.HANDLER_DELAY_MS ?? 0),
    onHandled: async (events) => {
      if (!crashAfter || events.length === 0) return;
      commits += 1;
      if (commits < crashAfter) return;
      // The chunk's transaction has committed, its offsets with it; the next chunk waits for this hook, which never returns.
      await reader.query('INSERT INTO kill_mark (event_ids) VALUES ($1::uuid[])', [events.map((e) => e.id)]);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    },
  });
  await consumer.start();
  process.on('SIGTERM', () => void consumer.stop().then(() => reader.destroy()).then(() => process.exit(0)));
}

void main();
