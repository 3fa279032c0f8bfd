import { Kafka } from 'kafkajs';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** The group's committed offset, -1 when it committed nothing on this partition. */
  committed: string;
  end: string;
  lag: string;
}

/**
 * Per consumer group and partition: committed offset, end offset (high watermark) and lag (docs/backbone.md,
 * "Operating it"). Groups are the services' (`<prefix>giftflow.<consumer>`), or those named.
 */
export async function consumerLag(kafka: Kafka, options: { topicPrefix?: string; groups?: string[] } = {}): Promise<PartitionLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = options.groups ?? (await admin.listGroups()).groups.map((g) => g.groupId)
      .filter((g) => g.startsWith(`${options.topicPrefix ?? ''}giftflow.`)).sort();
    const rows: PartitionLag[] = [];
    const ends = new Map<string, Map<number, string>>();
    for (const group of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
        if (!ends.has(topic)) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high])));
        // Every partition of the topic, also one the group never committed on (all of it is lag then).
        const committedOf = new Map(partitions.map((p) => [p.partition, p.offset]));
        for (const [partition, end] of [...ends.get(topic)!].sort(([a], [b]) => a - b)) {
          const offset = committedOf.get(partition) ?? '-1';
          const committed = BigInt(offset);
          const lag = BigInt(end) - (committed < 0n ? 0n : committed);
          rows.push({ group, topic, partition, committed: offset, end, lag: String(lag < 0n ? 0n : lag) });
        }
      }
    }
    return rows;
  } finally {
    await admin.disconnect();
  }
}
