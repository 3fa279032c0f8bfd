import { Admin, Kafka } from 'kafkajs';

/** Where a replay must get to on one partition: its high watermark when the rebuild started. */
export interface PartitionTarget {
  topic: string;
  partition: number;
  low: string;
  high: string;
}

export interface ReplayProgress {
  /** Messages between the low and high watermarks of every partition. */
  messages: number;
  /** Of those, how many the group has handled and committed. */
  replayed: number;
  caughtUp: boolean;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The next offset the group will handle (Kafka's committed offset); null before its first commit. */
  handledOffset: number | null;
  /** The partition's high watermark. */
  endOffset: number;
  lag: number;
}

const ADMIN_ATTEMPTS = 4;

/** The admin calls behind rebuilds: watermarks, a group's committed offsets, whether a group still has members. */
export class KafkaOffsets {
  private admin: Admin | null = null;

  constructor(private readonly kafka: Kafka) {}

  async watermarks(topics: string[]): Promise<PartitionTarget[]> {
    return this.withAdmin(async (admin) => {
      const perTopic = await Promise.all(topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, low: p.low, high: p.high }))));
      return perTopic.flat();
    });
  }

  async progress(groupId: string, targets: PartitionTarget[]): Promise<ReplayProgress> {
    return this.withAdmin(async (admin) => {
      const topics = [...new Set(targets.map((t) => t.topic))];
      const fetched = topics.length ? await admin.fetchOffsets({ groupId, topics }) : [];
      const committed = new Map(fetched.flatMap((t) => t.partitions.map((p) => [`${t.topic}:${p.partition}`, Number(p.offset)] as const)));
      return progressTowards(targets, committed);
    });
  }

  /** Per partition of `topics`: the offset `groupId` has handled (committed; null: none yet), the end offset and the lag. */
  async lag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    return this.withAdmin(async (admin) => {
      const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
      const fetched = await admin.fetchOffsets({ groupId, topics });
      const committed = new Map(fetched.flatMap((t) => t.partitions.map((p) => [`${t.topic}:${p.partition}`, Number(p.offset)] as const)));
      return ends.flatMap(({ topic, offsets }) => offsets.map((p) => {
        const at = committed.get(`${topic}:${p.partition}`) ?? -1;
        const handledOffset = at >= 0 ? at : null;
        const endOffset = Number(p.high);
        return { topic, partition: p.partition, handledOffset, endOffset, lag: endOffset - Math.max(handledOffset ?? Number(p.low), Number(p.low)) };
      })).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    });
  }

  async hasMembers(groupId: string): Promise<boolean> {
    return this.withAdmin(async (admin) => (await admin.describeGroups([groupId])).groups.some((g) => g.members.length > 0));
  }

  /** Deletes a consumer group (and so its committed offsets); a group that does not exist is fine. */
  async deleteGroup(groupId: string): Promise<void> {
    await this.withAdmin(async (admin) => {
      try {
        await admin.deleteGroups([groupId]);
      } catch (error) {
        const groups = (error as { groups?: { error?: { type?: string } }[] }).groups;
        if (!groups?.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND')) throw error;
      }
    });
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }

  /**
   * Runs an admin call; on a failure kafkajs marks retriable (a partition whose leader just moved: "This server is
   * not the leader for that topic-partition", seen as a 500 on POST /admin/rebuild) it tries again on a fresh
   * connection, whose metadata is new, up to ADMIN_ATTEMPTS times.
   */
  private async withAdmin<T>(call: (admin: Admin) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (!this.admin) {
          this.admin = this.kafka.admin();
          await this.admin.connect();
        }
        return await call(this.admin);
      } catch (error) {
        await this.close(); // a fresh connection next time
        if (attempt >= ADMIN_ATTEMPTS || (error as { retriable?: unknown }).retriable !== true) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}

/** How far committed offsets (−1: none yet) are towards the targets; caught up when every partition reached its high watermark. */
export function progressTowards(targets: PartitionTarget[], committed: Map<string, number>): ReplayProgress {
  let messages = 0;
  let replayed = 0;
  for (const t of targets) {
    const low = Number(t.low);
    const high = Number(t.high);
    const at = Math.min(Math.max(committed.get(`${t.topic}:${t.partition}`) ?? -1, low), high);
    messages += high - low;
    replayed += at - low;
  }
  return { messages, replayed, caughtUp: replayed === messages };
}

/** A replay's speed so far and the time it still needs at that speed (null until it has a speed). */
export function replayPace(progress: Pick<ReplayProgress, 'messages' | 'replayed'>, since: Date | null, now: Date): { eventsPerSecond: number | null; secondsLeft: number | null } {
  const seconds = since ? (now.getTime() - since.getTime()) / 1000 : 0;
  if (seconds <= 0 || progress.replayed <= 0) return { eventsPerSecond: null, secondsLeft: null };
  const eventsPerSecond = progress.replayed / seconds;
  return { eventsPerSecond: Math.round(eventsPerSecond), secondsLeft: Math.ceil((progress.messages - progress.replayed) / eventsPerSecond) };
}
