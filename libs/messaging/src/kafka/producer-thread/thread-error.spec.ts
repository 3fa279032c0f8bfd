import { isUnpublishable } from '../../outbox/unpublishable';
import { fromThreadError } from './threaded-producer';
import { toThreadError } from './producer.worker';

// kafkajs' own error classes (no typings ship for them).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KafkaJSProtocolError, KafkaJSNonRetriableError } = require('kafkajs/src/errors') as {
  KafkaJSProtocolError: new (e: { type: string; code: number; retriable: boolean; message: string }) => Error;
  KafkaJSNonRetriableError: new (e: Error) => Error;
};

/** An error as it arrives from the producer thread: through toThreadError, a structured clone and fromThreadError. */
const acrossThreads = (error: unknown) => fromThreadError(structuredClone(toThreadError(error)));

describe('errors from the producer thread', () => {
  const tooLarge = () => new KafkaJSProtocolError({ type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false, message: 'The request included a message larger than the max message size the server will accept' });

  it('keep what the relay decides by: name, message, type, code, retriable', () => {
    const error = acrossThreads(tooLarge()) as Error & { type: string; code: number; retriable: boolean };
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false });
    expect(error.message).toMatch(/larger than the max message size/);
    expect(error.stack).toMatch(/KafkaJSProtocolError/);
    expect(isUnpublishable(error)).toBe(true);
  });

  it('keep their cause, so a refusal kafkajs wrapped is still parked and a broker that is away is not', () => {
    const wrapped = new KafkaJSNonRetriableError(tooLarge());
    expect(isUnpublishable(acrossThreads(wrapped))).toBe(true);
    const away = Object.assign(new Error('Connection timeout'), { name: 'KafkaJSConnectionError', retriable: true });
    const crossed = acrossThreads(away);
    expect(crossed).toMatchObject({ name: 'KafkaJSConnectionError', retriable: true, message: 'Connection timeout' });
    expect(isUnpublishable(crossed)).toBe(false);
  });

  it('carry what was thrown when it was not an Error', () => {
    expect(acrossThreads('broker said no')).toMatchObject({ name: 'Error', message: 'broker said no' });
  });
});
