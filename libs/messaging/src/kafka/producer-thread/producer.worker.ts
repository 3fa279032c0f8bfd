// The relay's Kafka producer, on a thread of its own (docs/backbone.md, "The relay's producer thread"). This file
// imports nothing of ours, only kafkajs and Node, so that under ts-jest it can run transpiled in memory
// (threaded-producer.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Kafka, KafkaConfig, Partitioners, Producer, ProducerBatch, ProducerConfig } from 'kafkajs';

/** The relay's producer settings, wherever its producer runs. */
export const relayProducerConfig = (): ProducerConfig => ({
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible: same key, same partition everywhere
});

/** What the main thread asks of the producer thread; each request is answered once, with its `id`. */
export type ProducerRequest =
  | { id: number; op: 'connect' }
  | { id: number; op: 'sendBatch'; batch: ProducerBatch }
  | { id: number; op: 'disconnect' };

/** An error as it crosses threads: what the relay looks at (name, type, retriable, the cause chain) kept. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  type?: string;
  code?: number;
  retriable?: boolean;
  cause?: ThreadError;
}

export type ProducerReply = { id: number; ok: true } | { id: number; ok: false; error: ThreadError };

export function toThreadError(error: unknown, depth = 0): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { type, code, retriable, cause } = error as Error & { type?: unknown; code?: unknown; retriable?: unknown; cause?: unknown };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof code === 'number' ? { code } : {}),
    ...(typeof retriable === 'boolean' ? { retriable } : {}),
    ...(cause !== undefined && depth < 4 ? { cause: toThreadError(cause, depth + 1) } : {}),
  };
}

/** The worker's side: one kafkajs client and producer, requests handled in the order they come. */
function serve(config: KafkaConfig): void {
  const producer: Producer = new Kafka(config).producer(relayProducerConfig());
  const port = parentPort!;
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: ProducerRequest) => {
    queue = queue.then(async () => {
      try {
        if (request.op === 'connect') await producer.connect();
        else if (request.op === 'sendBatch') await producer.sendBatch(request.batch);
        else await producer.disconnect();
        port.postMessage({ id: request.id, ok: true } satisfies ProducerReply);
      } catch (error) {
        port.postMessage({ id: request.id, ok: false, error: toThreadError(error) } satisfies ProducerReply);
      }
    });
  });
}

if (!isMainThread && (workerData as { giftflowProducerThread?: KafkaConfig } | null)?.giftflowProducerThread) {
  serve((workerData as { giftflowProducerThread: KafkaConfig }).giftflowProducerThread);
}
