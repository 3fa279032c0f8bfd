// The five apps as processes for an end-to-end or browser test: startSystem (apps.ts) on this Jest worker's ports,
// on fresh databases and topics of the test's own, stopped with its topics deleted. One place for what every such
// test used to spell out: the database names, the port offset, the admin password, the topic prefix.
import { Kafka } from 'kafkajs';
import { Publisher, TOPICS } from '@giftflow/contracts';
import {
  TEST_ADMIN_PASSWORD, ownTestDatabase, readWholeTopic, recreateTestDatabase, testKafka, topicMessageCount, uniquePrefix,
} from '@giftflow/testing';
import { APPS, RunningSystem, startSystem, workerPortOffset } from './apps';

export interface TestSystemOptions {
  /** GIFTFLOW_ADMIN_PASSWORD the gateway creates admin@giftflow.local with; default TEST_ADMIN_PASSWORD. */
  adminPassword?: string;
  /** Added to every app's environment, after what startTestSystem sets. */
  env?: NodeJS.ProcessEnv;
  /** How long the five may take to become healthy; default 300 s (a machine shared with other test runs is slow). */
  timeoutMs?: number;
}

export interface TestSystem extends RunningSystem {
  /** The gateway's base URL (every call of an end-to-end test goes through it). */
  readonly gateway: string;
  /** KAFKA_TOPIC_PREFIX of this run: its topics are `<prefix>donors.events`… */
  readonly prefix: string;
  readonly kafka: Kafka;
  /** Each app's database variable and name, e.g. DONORS_DATABASE: giftflow_test_journey_donors_24000. */
  readonly databases: Readonly<Record<string, string>>;
  /** How many events `publisher` has published in this run (messages on its topic). */
  eventCount(publisher: Publisher): Promise<number>;
  /** eventCount of the three publishers. */
  eventCounts(): Promise<Record<Publisher, number>>;
  /** The raw value of every message on `publisher`'s topic, read in full. */
  messagesOn(publisher: Publisher): Promise<string[]>;
  /** Stops every app (see RunningSystem.stop), then deletes the run's topics. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the five apps for the test run `run` (a short name: journey, seed, demo, browser): databases
 * giftflow_test_<run>_<app> (suffixed with GIFTFLOW_TEST_PORT_BASE, so checkouts testing on one PostgreSQL never
 * recreate each other's) made fresh, topics under a prefix of their own, ports moved by workerPortOffset(), the apps'
 * output kept quiet (a failure quotes its last lines). Resolves once every app is healthy.
 */
export async function startTestSystem(run: string, options: TestSystemOptions = {}): Promise<TestSystem> {
  const databases = Object.fromEntries(APPS.map((a) => [`${a.name.toUpperCase()}_DATABASE`, ownTestDatabase(`giftflow_test_${run}_${a.name}`)]));
  for (const name of Object.values(databases)) await recreateTestDatabase(name);
  const prefix = uniquePrefix(run);
  const kafka = testKafka(`giftflow-e2e-${run}`);
  const system = await startSystem({
    env: { ...databases, GIFTFLOW_ADMIN_PASSWORD: options.adminPassword ?? TEST_ADMIN_PASSWORD, KAFKA_TOPIC_PREFIX: prefix, ...options.env },
    portOffset: workerPortOffset(),
    output: 'quiet',
    timeoutMs: options.timeoutMs ?? 300_000,
  });
  const topic = (publisher: Publisher) => prefix + TOPICS[publisher];
  const eventCount = (publisher: Publisher) => topicMessageCount(kafka, topic(publisher));
  return {
    ...system,
    gateway: system.urls.gateway!,
    prefix,
    kafka,
    databases,
    eventCount,
    eventCounts: async () => ({ donors: await eventCount('donors'), inventory: await eventCount('inventory'), beneficiaries: await eventCount('beneficiaries') }),
    messagesOn: async (publisher) => (await readWholeTopic(kafka, topic(publisher), 60_000)).map((m) => m.value ?? ''),
    async stop(graceMs) {
      await system.stop(graceMs); // its topics go when the run ends (npm test), as the service test kit's do
    },
  };
}
