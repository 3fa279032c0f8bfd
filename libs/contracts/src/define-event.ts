import { z } from 'zod';
import { Envelope } from './envelope';
import { Publisher, TOPICS } from './topics';

/** A versioned event contract: its type string, version, publisher and payload schema. */
export interface EventDefinition<TType extends string, TVersion extends number, TPayload extends z.ZodType> {
  readonly type: TType;
  readonly version: TVersion;
  readonly source: Publisher;
  readonly topic: string;
  readonly payload: TPayload;
  /** `PledgeRecorded.v1`: the key of this contract in the registry. */
  readonly key: string;
}

export function defineEvent<TType extends string, TVersion extends number, TPayload extends z.ZodType>(spec: {
  type: TType;
  version: TVersion;
  source: Publisher;
  payload: TPayload;
}): EventDefinition<TType, TVersion, TPayload> {
  return { ...spec, topic: TOPICS[spec.source], key: `${spec.type}.v${spec.version}` };
}

/** The full envelope type of an event definition. */
export type EventOf<D> = D extends EventDefinition<infer T, infer V, infer P> ? Envelope<T, V, z.infer<P>> : never;

/** The payload type of an event definition. */
export type PayloadOf<D> = D extends EventDefinition<string, number, infer P> ? z.infer<P> : never;
