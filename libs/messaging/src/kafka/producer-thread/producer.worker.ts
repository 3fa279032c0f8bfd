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
  | { id: number; op: 'sendBatch'; batch: ProducerBatch; chain?: number }
  | { id: number; op: 'disconnect' };

/** The name of the error a chained send is refused with when a send before it in its chain failed. */
export const PRECEDING_SEND_FAILED = 'PrecedingSendFailedError';

/**
 * A kafkajs producer asked one thing at a time, in the order asked, so that a send may be asked for while the one
 * before it is still on its way (the relay queues its next batch behind the current one: docs/backbone.md, "The
 * outbox relay"). Sends of one `chain` are all-or-nothing in order: once one fails, the later ones of that chain are
 * refused unsent (PRECEDING_SEND_FAILED), so no batch lands after an earlier one failed. A send without a chain is
 * always tried. (kafkajs' idempotent producer must not be given two sends at once: each would take the same sequence
 * numbers.)
 */
export class OrderedProducer {
  private queue: Promise<unknown> = Promise.resolve();
  /** The last chain whose send failed (chains only grow: an older one has nothing left queued). */
  private brokenChain: number | null = null;

  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.next(() => this.producer.connect());
  }

  sendBatch(batch: ProducerBatch, chain?: number): Promise<void> {
    return this.next(async () => {
      if (chain !== undefined && chain === this.brokenChain) {
        throw Object.assign(new Error(`not sent: an earlier send of chain ${chain} failed`), { name: PRECEDING_SEND_FAILED });
      }
      try {
        await this.producer.sendBatch(batch);
      } catch (error) {
        if (chain !== undefined) this.brokenChain = chain;
        throw error;
      }
    });
  }

  disconnect(): Promise<void> {
    return this.next(() => this.producer.disconnect());
  }

  private next(work: () => Promise<unknown>): Promise<void> {
    const done = this.queue.then(work, work).then(() => undefined);
    this.queue = done.catch(() => undefined);
    return done;
  }
}

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
  const producer = new OrderedProducer(new Kafka(config).producer(relayProducerConfig()));
  const port = parentPort!;
  port.on('message', (request: ProducerRequest) => {
    const done = request.op === 'connect' ? producer.connect()
      : request.op === 'sendBatch' ? producer.sendBatch(request.batch, request.chain)
        : producer.disconnect();
    done.then(
      () => port.postMessage({ id: request.id, ok: true } satisfies ProducerReply),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toThreadError(error) } satisfies ProducerReply),
    );
  });
}

if (!isMainThread && (workerData as { giftflowProducerThread?: KafkaConfig } | null)?.giftflowProducerThread) {
  serve((workerData as { giftflowProducerThread: KafkaConfig }).giftflowProducerThread);
}
