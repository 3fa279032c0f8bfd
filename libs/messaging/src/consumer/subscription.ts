import { EventDefinition, EventOf, GiftflowEvent } from '@giftflow/contracts';
import type { z } from 'zod';
import { OutboxTransaction } from '../outbox/outbox-transaction';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** Handles one event type at one version, inside the consumer's transaction (inbox row included). */
export interface EventHandler<D extends AnyDefinition> {
  handle(event: EventOf<D>, tx: OutboxTransaction): Promise<void>;
}

/** One line of a service's subscriptions file: this event, this handler. */
export interface Subscription {
  readonly definition: AnyDefinition;
  readonly handle: (event: GiftflowEvent, tx: OutboxTransaction) => Promise<void>;
}

export function on<D extends AnyDefinition>(definition: D, handle: (event: EventOf<D>, tx: OutboxTransaction) => Promise<void>): Subscription {
  // The consumer dispatches by `definition.key`, so the event handed over is always an EventOf<D>.
  return { definition, handle: handle as unknown as Subscription['handle'] };
}
