import { Kafka } from 'kafkajs';
import { fetchTopicWatermarks } from '../kafka/topic-watermarks';
import { storedOffsets } from './consumer-offsets';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** The group's position (next offset to handle), -1 when it has none on this partition. */
  committed: string;
  /** Where that position is kept: the consumer's database (EventConsumer), or Kafka (reporting's projections, older groups). */
  stored: 'database' | 'kafka' | '-';
  end: string;
  lag: string;
}

/**
 * Per consumer group and partition: position, end offset (high watermark) and lag (docs/backbone.md,
 * "Operating it"). EventConsumers keep their positions in their service's database (`consumer_offsets`): pass
 * those databases; a group with no stored position there is read from Kafka. Groups are the services'
 * (`<prefix>giftflow.<consumer>`, from Kafka and from the databases), or those named.
 */
export async function consumerLag(
  kafka: Kafka,
  options: { topicPrefix?: string; groups?: string[]; databases?: { query(sql: string, parameters?: unknown[]): Promise<unknown> }[] } = {},
): Promise<PartitionLag[]> {
  const stored = (await Promise.all((options.databases ?? []).map((db) => storedOffsets(db)))).flat();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ours = (g: string) => g.startsWith(`${options.topicPrefix ?? ''}giftflow.`);
    const groups = options.groups ?? [...new Set([...(await admin.listGroups()).groups.map((g) => g.groupId), ...stored.map((s) => s.group)])]
      .filter(ours).sort();
    const rows: PartitionLag[] = [];
    const ends = new Map<string, Map<number, string>>();
    for (const group of groups) {
      const inDatabase = new Map(stored.filter((s) => s.group === group).map((s) => [`${s.topic}:${s.partition}`, s.offset]));
      const inKafka = new Map<string, string>();
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
        for (const p of partitions) inKafka.set(`${topic}:${p.partition}`, p.offset);
      }
      const topics = [...new Set([...inKafka.keys(), ...inDatabase.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))].sort();
      for (const topic of topics) {
        if (!ends.has(topic)) ends.set(topic, new Map((await fetchTopicWatermarks(admin, topic)).map((p) => [p.partition, p.high])));
        // Every partition of the topic, also one the group never handled anything on (all of it is lag then).
        for (const [partition, end] of [...ends.get(topic)!].sort(([a], [b]) => a - b)) {
          const fromDatabase = inDatabase.get(`${topic}:${partition}`);
          const fromKafka = inKafka.get(`${topic}:${partition}`);
          const kafkaHas = fromKafka !== undefined && BigInt(fromKafka) >= 0n;
          const offset = fromDatabase ?? (kafkaHas ? fromKafka : '-1');
          const committed = BigInt(offset);
          const lag = BigInt(end) - (committed < 0n ? 0n : committed);
          rows.push({ group, topic, partition, committed: offset, stored: fromDatabase !== undefined ? 'database' : kafkaHas ? 'kafka' : '-', end, lag: String(lag < 0n ? 0n : lag) });
        }
      }
    }
    return rows;
  } finally {
    await admin.disconnect();
  }
}
