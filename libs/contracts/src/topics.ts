/** The services that publish events, and the one topic each publishes to (keyed by aggregate id). */
export const PUBLISHERS = ['donors', 'inventory', 'beneficiaries'] as const;
export type Publisher = (typeof PUBLISHERS)[number];

export const TOPICS = {
  donors: 'donors.events',
  inventory: 'inventory.events',
  beneficiaries: 'beneficiaries.events',
} as const satisfies Record<Publisher, string>;
export type Topic = (typeof TOPICS)[Publisher];

/** Where a message that keeps failing goes, with the error in its headers. */
export const dlqTopicOf = (topic: string): string => `${topic}.dlq`;

/** A topic name with an optional prefix, so tests and parallel environments never share topics. */
export const topicName = (publisher: Publisher, prefix = process.env.KAFKA_TOPIC_PREFIX ?? ''): string =>
  `${prefix}${TOPICS[publisher]}`;
