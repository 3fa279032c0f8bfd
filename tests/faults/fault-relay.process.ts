import { createTestDataSource, testKafka } from '@giftflow/testing';
import { newRelay } from './fault-harness';

/** The relay as a process of its own; CRASH_AFTER_SENDS=n: SIGKILL itself after Kafka acknowledged the n-th batch, before marking it sent. */
async function main() {
  const writer = await createTestDataSource(process.env.WRITER_DB!, [], false);
  const crashAfter = Number(process.env.CRASH_AFTER_SENDS ?? 0);
  let sends = 0;
  const relay = newRelay(writer, testKafka('fault-relay'), Number(process.env.RELAY_BATCH ?? 500), () => {
    sends += 1;
    if (crashAfter && sends >= crashAfter) process.kill(process.pid, 'SIGKILL');
  });
  relay.start();
  process.on('SIGTERM', () => void relay.stop().then(() => writer.destroy()).then(() => process.exit(0)));
}

void main();
