import { Kafka } from 'kafkajs';
import { fetchTopicWatermarks } from '../kafka/topic-watermarks';

/** Anything that runs SQL: a DataSource, an EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface StoredOffset {
  group: string;
  topic: string;
  partition: number;
  /** The next offset the group will handle on this partition. */
  offset: string;
}

/**
 * The positions EventConsumers keep in their service's database (`consumer_offsets`, written with each chunk's
 * work; docs/backbone.md, "Offsets in the consumer's database"): all of them, or one group's. A database
 * from before that migration has none.
 */
export async function storedOffsets(db: Queryable, groupId?: string): Promise<StoredOffset[]> {
  try {
    const rows = (await db.query(
      `SELECT group_id AS "group", topic, partition, next_offset::text AS "offset" FROM consumer_offsets
        WHERE $1::text IS NULL OR group_id = $1 ORDER BY group_id, topic, partition`,
      [groupId ?? null],
    )) as StoredOffset[];
    return rows;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return []; // not migrated yet: no stored positions
    throw error;
  }
}

/** The group's stored offsets on `topic`, summed over its partitions (a partition with none counts 0). */
export async function storedOffsetTotal(db: Queryable, groupId: string, topic: string): Promise<number> {
  return (await storedOffsets(db, groupId)).filter((o) => o.topic === topic).reduce((sum, o) => sum + Number(o.offset), 0);
}

/**
 * Sends a group back to the beginning of `topic` (every partition to its earliest offset), as Kafka's
 * `resetOffsets({ earliest: true })` did when offsets lived in Kafka. Like that, only while the group's
 * consumers are stopped: a running one keeps the position it has and writes it back.
 */
export async function resetStoredOffsets(kafka: Kafka, db: Queryable, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = await fetchTopicWatermarks(admin, topic);
    await db.query(
      `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) SELECT $1, $2, * FROM unnest($3::int[], $4::bigint[])
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()`,
      [groupId, topic, partitions.map((p) => p.partition), partitions.map((p) => p.low)],
    );
  } finally {
    await admin.disconnect();
  }
}
