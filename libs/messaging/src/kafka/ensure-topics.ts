import { Kafka } from 'kafkajs';

/**
 * Creates topics with the admin client before anything produces or subscribes (docs/backbone.md, trap 6), with
 * infinite retention: the stream is the source every projection is rebuilt from (docs/backbone.md, trap 7).
 * Existing topics are left as they are.
 *
 * Several services start at once and create the shared topics concurrently. kafkajs' own
 * `waitForLeaders` can then reject from inside its timer with UNKNOWN_TOPIC_OR_PARTITION, as an
 * unhandled rejection that kills the process, so we create without it and poll the metadata ourselves.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], partitions: number, timeoutMs = 30_000): Promise<void> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Creates all of them rather than listing first: listing every topic of the cluster fails while any one of
    // them (anybody's) is between leaders. Resolves false when some already existed (created by another service
    // first, or earlier): those are left as they are, the others are created.
    await admin.createTopics({
      waitForLeaders: false,
      topics: wanted.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: -1, // the broker's default: 1 on a single node, 3 on a real cluster
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
    });
    await waitForLeaders(admin, wanted, timeoutMs);
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: ReturnType<Kafka['admin']>, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready && metadata.length === topics.length) return;
    } catch (error) {
      last = error; // UNKNOWN_TOPIC_OR_PARTITION / LEADER_NOT_AVAILABLE while the controller catches up
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`topics have no leader after ${timeoutMs} ms: ${topics.join(', ')}${last ? ` (${String(last)})` : ''}`);
}
