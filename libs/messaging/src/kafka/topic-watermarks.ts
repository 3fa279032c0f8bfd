import { Admin } from 'kafkajs';

const ATTEMPTS = 4;

/**
 * `admin.fetchTopicOffsets`, asked again when kafkajs calls the failure retriable: right after a topic is created
 * (or while the controller is busy deleting others) a single broker may answer "This server is not the leader for
 * that topic-partition" for a moment, and kafkajs' admin does not retry that itself.
 */
export async function fetchTopicWatermarks(admin: Admin, topic: string): ReturnType<Admin['fetchTopicOffsets']> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (attempt >= ATTEMPTS || (error as { retriable?: unknown }).retriable !== true) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
