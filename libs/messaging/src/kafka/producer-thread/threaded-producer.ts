import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KafkaConfig, ProducerBatch } from 'kafkajs';
import type { ProducerReply, ProducerRequest, ThreadError } from './producer.worker';

/** What the relay needs of a producer: OrderedProducer (on this thread) and ThreadedProducer have it. */
export interface BatchProducer {
  connect(): Promise<void>;
  /** Sent after every send asked before it; refused unsent (PRECEDING_SEND_FAILED) when an earlier send of `chain` failed. */
  sendBatch(batch: ProducerBatch, chain?: number): Promise<void>;
  disconnect(): Promise<void>;
}

type DistributiveOmitId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** How long disconnect() waits for the thread's producer to say goodbye before the thread is ended anyway. */
const DISCONNECT_TIMEOUT_MS = 1_000;

/**
 * The relay's kafkajs producer on a worker thread of its own (docs/backbone.md, "The relay's producer thread"):
 * encoding record batches (CRC-32C, varints, buffers) was half the CPU of the thread that also commits, and a
 * service's commits and its relay then queued behind each other on one core. Requests are handled one at a time, in
 * the order sent, by an OrderedProducer on the thread: a send asked for while another is on its way starts there as
 * soon as that one is acknowledged, without waiting for this thread. An error comes back with its name, type and
 * cause, so `isUnpublishable` reads it the same. The thread keeps the process alive only while a request waits for it;
 * `disconnect()` ends it.
 */
export class ThreadedProducer implements BatchProducer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  /** Set once the thread is gone (ended, or failed): every later request fails. */
  private gone: Error | null = null;

  constructor(private readonly config: KafkaConfig) {}

  /** The worker thread's id once started (null before the first request). */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  connect(): Promise<void> {
    return this.request({ op: 'connect' });
  }

  async sendBatch(batch: ProducerBatch, chain?: number): Promise<void> {
    await this.request({ op: 'sendBatch', batch, ...(chain === undefined ? {} : { chain }) });
  }

  /** Disconnects the producer (bounded: a broker that is down cannot hold it) and ends the thread. */
  async disconnect(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.gone) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.request({ op: 'disconnect' }).catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    this.fail(new Error('the producer thread was ended'));
    await worker.terminate();
  }

  private request(body: DistributiveOmitId<ProducerRequest>): Promise<void> {
    if (this.gone) return Promise.reject(this.gone);
    const worker = (this.worker ??= this.startThread());
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id } as ProducerRequest);
    });
  }

  private startThread(): Worker {
    const worker = workerFor(this.config);
    worker.unref();
    worker.on('message', (reply: ProducerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(fromThreadError(reply.error));
    });
    worker.on('error', (error) => this.fail(new Error(`the producer thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.fail(new Error(`the producer thread exited (${code})`)));
    return worker;
  }

  /** Fails what waits and every later request (the relay then starts a new producer, as after any failed round). */
  private fail(error: Error): void {
    this.gone ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
    this.worker?.unref();
  }
}

/**
 * The worker for producer.worker: its compiled .js beside this file; under ts-jest (this file is the .ts source) the
 * .ts transpiled in memory, as it imports nothing of ours.
 */
function workerFor(config: KafkaConfig): Worker {
  const workerData = { giftflowProducerThread: config };
  const compiled = join(__dirname, 'producer.worker.js');
  if (!__filename.endsWith('.ts')) return new Worker(compiled, { workerData });
  const source = join(__dirname, 'producer.worker.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const js = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const boot = `const r = require('node:module').createRequire(${JSON.stringify(source)}); const m = { exports: {} };
    new Function('require', 'module', 'exports', ${JSON.stringify(js)})(r, m, m.exports);`;
  return new Worker(boot, { eval: true, workerData });
}

/** The error a thread sent, as an Error again: message, stack, and what kafkajs adds (type, code, retriable), cause by cause. */
export function fromThreadError(thrown: ThreadError): Error {
  const error = new Error(thrown.message, thrown.cause ? { cause: fromThreadError(thrown.cause) } : undefined);
  return Object.assign(error, {
    name: thrown.name,
    stack: thrown.stack,
    ...(thrown.type !== undefined ? { type: thrown.type } : {}),
    ...(thrown.code !== undefined ? { code: thrown.code } : {}),
    ...(thrown.retriable !== undefined ? { retriable: thrown.retriable } : {}),
  });
}
