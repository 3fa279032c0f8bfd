import { EventDefinition, EventOf, GiftflowEvent } from '@giftflow/contracts';
import type { z } from 'zod';
import { OutboxTransaction } from '../outbox/outbox-transaction';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** Handles one event type at one version, inside the consumer's transaction (inbox row included). */
export interface EventHandler<D extends AnyDefinition> {
  handle(event: EventOf<D>, tx: OutboxTransaction): Promise<void>;
}

export interface SubscriptionOptions {
  /**
   * What happens to an event of this type at a version this consumer has no handler for (docs/backbone.md,
   * "Never skip silently"): `dead-letter` (the default) sends it to the DLQ as `unsupported version N of T`;
   * `stall` stops the partition at it and reports the consumer not ready, for types where skipping one breaks
   * everything after it, until a build that handles the version is deployed.
   */
  unsupportedVersions?: 'dead-letter' | 'stall';
}

/** One line of a service's subscriptions file: this event, this handler. */
export interface Subscription extends SubscriptionOptions {
  readonly definition: AnyDefinition;
  readonly handle: (event: GiftflowEvent, tx: OutboxTransaction) => Promise<void>;
  /**
   * Set by `onEach`: takes every new event of this type that sits together in a chunk in one call, so a
   * projection can write them with one multi-row statement instead of one round trip per event.
   */
  readonly handleMany?: (events: GiftflowEvent[], tx: OutboxTransaction) => Promise<void>;
}

export function on<D extends AnyDefinition>(
  definition: D,
  handle: (event: EventOf<D>, tx: OutboxTransaction) => Promise<void>,
  options: SubscriptionOptions = {},
): Subscription {
  // The consumer dispatches by `definition.key`, so the event handed over is always an EventOf<D>.
  return { ...options, definition, handle: handle as unknown as Subscription['handle'] };
}

/**
 * A batch subscription: `handleMany` gets the chunk's new events of this type that follow one another, in offset
 * order, in the chunk's transaction (inbox rows included). For handlers whose effect is a set of rows, such as
 * read models. Events it publishes carry the first event of the run as their cause.
 */
export function onEach<D extends AnyDefinition>(
  definition: D,
  handleMany: (events: EventOf<D>[], tx: OutboxTransaction) => Promise<void>,
  options: SubscriptionOptions = {},
): Subscription {
  const many = handleMany as unknown as NonNullable<Subscription['handleMany']>;
  return { ...options, definition, handle: (event, tx) => many([event], tx), handleMany: many };
}
