import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Publisher } from '@giftflow/contracts';
import { currentCorrelationId } from '../observability/correlation-context';
import { OutboxQueue, OutboxTransaction } from '../outbox/outbox-transaction';
import { EventContext } from './event-context';

/**
 * The one transaction helper every command handler uses (docs/conventions.md §8): the state change and the events it
 * publishes commit together or not at all; the relay is woken once they have committed.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly source: Publisher,
    private readonly topicPrefix: string,
    private readonly onCommitted: () => void = () => undefined,
  ) {}

  async run<T>(context: Partial<EventContext> & { actor: string }, work: (tx: OutboxTransaction) => Promise<T>): Promise<T> {
    // The request's correlation id (X-Correlation-Id, see libs/platform) when there is one.
    const full: EventContext = { correlationId: currentCorrelationId() ?? randomUUID(), causationId: null, ...context };
    // TypeORM's dataSource.transaction, but the outbox INSERT goes with the COMMIT: one round trip fewer per
    // transaction (docs/backbone.md, "Only validated events reach the outbox"; BENCHMARKS.md, third round).
    const runner = this.dataSource.createQueryRunner();
    let published = 0;
    let result: T;
    try {
      await runner.startTransaction();
      const queue = new OutboxQueue();
      const tx = new OutboxTransaction(runner.manager, this.source, this.topicPrefix, full, queue);
      result = await work(tx);
      await queue.flushAndCommit(runner);
      published = tx.pending.length;
    } catch (error) {
      // As EntityManager.transaction: roll back (after a failed COMMIT that only draws a warning), throw the original error.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (published > 0) this.onCommitted();
    return result;
  }
}
