import { stringify } from 'yaml';
import { z } from 'zod';
import { EventDefinitionAny, EVENT_DEFINITIONS } from '../registry';
import { envelopeSchema } from '../envelope';
import { PUBLISHERS, Publisher, TOPICS, dlqTopicOf } from '../topics';

/**
 * Renders docs/asyncapi.yaml (AsyncAPI 3.0) from the contracts themselves: one channel per topic and one per
 * DLQ, one message per event type and version (the envelope with that contract's payload, as JSON Schema from
 * zod), iterating the registry so a new contract is in the document after `npm run docs:asyncapi`. A unit test
 * parses it with @asyncapi/parser and fails when the file differs from this output.
 */
export interface AsyncApiOptions {
  /** The headers a dead letter carries (libs/messaging's DLQ_HEADERS), name by meaning. */
  dlqHeaders: Record<string, string>;
  /** Partitions of every topic at start-up (KAFKA_PARTITIONS' default). */
  partitions: number;
}

type JsonSchema = Record<string, unknown>;

const DLQ_HEADER_MEANINGS: Record<string, string> = {
  error: 'why it failed: the handler error or the schema problem',
  originalTopic: 'the topic it was read from',
  originalPartition: 'its partition there',
  originalOffset: 'its offset there',
  consumer: 'the consumer (group) that gave up on it',
  attempts: 'how many times it was tried',
  failedAt: 'when it was dead-lettered (ISO instant)',
};

/** Draft-07 JSON Schema (AsyncAPI 3.0's default schema format is a superset of it), without `$schema`. */
function toSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const channelId = (source: Publisher) => `${source}Events`;
const dlqChannelId = (source: Publisher) => `${source}EventsDlq`;
const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function message(d: EventDefinitionAny): JsonSchema {
  const envelope = envelopeSchema.extend({
    type: z.literal(d.type),
    version: z.literal(d.version),
    source: z.literal(d.source),
    payload: d.payload,
  });
  return {
    name: d.type,
    title: `${d.type} v${d.version}`,
    summary: `Published by ${d.source} on ${d.topic}, keyed by its aggregate id.`,
    contentType: 'application/json',
    payload: toSchema(envelope),
    bindings: { kafka: { key: { type: 'string', description: 'the aggregate id (ordering per pledge, lot, allocation…)' }, bindingVersion: '0.5.0' } },
  };
}

export function renderAsyncApi(options: AsyncApiOptions): string {
  const messages: Record<string, JsonSchema> = {};
  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  const topicBindings = { kafka: { partitions: options.partitions, topicConfiguration: { 'retention.ms': -1 }, bindingVersion: '0.5.0' } };

  for (const source of PUBLISHERS) {
    const definitions = EVENT_DEFINITIONS.filter((d) => d.source === source);
    for (const d of definitions) messages[d.key] = message(d);
    const refs = Object.fromEntries(definitions.map((d) => [d.key, { $ref: `#/components/messages/${d.key}` }]));
    channels[channelId(source)] = {
      address: TOPICS[source],
      title: TOPICS[source],
      description: `Every event ${source} publishes, through its transactional outbox; keyed by aggregate id, kept forever (projections are rebuilt from it).`,
      messages: refs,
      bindings: topicBindings,
    };
    channels[dlqChannelId(source)] = {
      address: dlqTopicOf(TOPICS[source]),
      title: dlqTopicOf(TOPICS[source]),
      description: `Messages of ${TOPICS[source]} that a consumer gave up on, unchanged, with why in their headers; replayed with \`npm run dlq -- replay\` (docs/operations.md).`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      bindings: topicBindings,
    };
    const messageRefs = definitions.map((d) => ({ $ref: `#/channels/${channelId(source)}/messages/${d.key}` }));
    operations[`publish${pascal(source)}Events`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId(source)}` },
      summary: `${source}'s outbox relay publishes its events.`,
      messages: messageRefs,
    };
    operations[`consume${pascal(source)}Events`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId(source)}` },
      summary: `Services subscribed to ${TOPICS[source]} (apps/<service>/src/<service>.subscriptions.ts) handle them idempotently, one consumer group each.`,
      messages: messageRefs,
    };
    operations[`deadLetter${pascal(source)}Events`] = {
      action: 'send',
      channel: { $ref: `#/channels/${dlqChannelId(source)}` },
      summary: `A consumer sends what keeps failing after bounded retries, or fails its schema, to ${dlqTopicOf(TOPICS[source])}.`,
      messages: [{ $ref: `#/channels/${dlqChannelId(source)}/messages/DeadLetter` }],
    };
  }

  messages.DeadLetter = {
    name: 'DeadLetter',
    title: 'A dead letter',
    summary: "The original message's key, value and headers as they were, plus why it was dead-lettered.",
    contentType: 'application/json',
    headers: {
      type: 'object',
      required: Object.values(options.dlqHeaders),
      properties: Object.fromEntries(
        Object.entries(options.dlqHeaders).map(([meaning, header]) => [header, { type: 'string', description: DLQ_HEADER_MEANINGS[meaning] ?? meaning }]),
      ),
    },
    payload: { description: 'the original value: an event envelope of the topic, or whatever failed to parse as one' },
  };

  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'giftflow events',
      version: '1.0.0',
      description: [
        'Generated from libs/contracts by `npm run docs:asyncapi`; a unit test fails when this file is out of date.',
        'One topic per publishing service, keyed by aggregate id; every message is a JSON envelope whose `payload`',
        'follows the contract of its `type` and `version` (docs/events.md). A new optional field keeps the version;',
        'any other change is a new version, published side by side.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'the broker `npm start` runs (deploy/kafka)' },
      cluster: { host: 'giftflow-kafka-bootstrap:9092', protocol: 'kafka', description: 'the Strimzi cluster of deploy/k8s' },
    },
    channels,
    operations,
    components: { messages },
  };
  return [
    '# Generated from libs/contracts by `npm run docs:asyncapi`; a unit test fails when this file is out of date.',
    stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }),
  ].join('\n');
}
