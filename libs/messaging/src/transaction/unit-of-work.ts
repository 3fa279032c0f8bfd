import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Publisher } from '@giftflow/contracts';
import { currentCorrelationId } from '../observability/correlation-context';
import { OutboxQueue, OutboxTransaction } from '../outbox/outbox-transaction';
import { EventContext } from './event-context';
import { transactionWithOutbox } from './transaction-with-outbox';

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
    // The outbox INSERT goes with the COMMIT: one round trip fewer per transaction (BENCHMARKS.md, third round).
    const queue = new OutboxQueue();
    let published = 0;
    const result = await transactionWithOutbox(this.dataSource, queue, async (manager) => {
      const tx = new OutboxTransaction(manager, this.source, this.topicPrefix, full, queue);
      const value = await work(tx);
      published = tx.pending.length;
      return value;
    });
    if (published > 0) this.onCommitted();
    return result;
  }
}
