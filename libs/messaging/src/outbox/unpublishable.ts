// kafkajs' own table of protocol errors (no typings ship for it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorCodes } = require('kafkajs/src/protocol/error') as { errorCodes: { type: string; message: string }[] };

/**
 * Producer errors Kafka will answer the same way however often the row is sent again (PITFALLS 23): the row is
 * parked rather than retried forever in front of every row behind it.
 */
const UNPUBLISHABLE = ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'INVALID_TIMESTAMP'];
const MESSAGES = errorCodes.filter((e) => UNPUBLISHABLE.includes(e.type)).map((e) => e.message);

export function isUnpublishable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { type, message, cause } = current as { type?: unknown; message?: unknown; cause?: unknown };
    if (typeof type === 'string' && UNPUBLISHABLE.includes(type)) return true;
    // KafkaJSNonRetriableError keeps the protocol error's message but not its type.
    if (typeof message === 'string' && MESSAGES.some((m) => message.includes(m))) return true;
    current = cause;
  }
  return false;
}
