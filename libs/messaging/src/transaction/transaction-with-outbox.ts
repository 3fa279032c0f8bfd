import { DataSource, EntityManager } from 'typeorm';
import { OutboxQueue } from '../outbox/outbox-transaction';

/**
 * TypeORM's `dataSource.transaction`, except that `queue`'s outbox rows are sent with the COMMIT, in one round trip
 * (`OutboxQueue.flushAndCommit`; docs/backbone.md, "Only validated events reach the outbox"). As there: on any error
 * the transaction is rolled back (after a failed COMMIT the ROLLBACK only draws a warning) and the error rethrown.
 */
export async function transactionWithOutbox<T>(dataSource: DataSource, queue: OutboxQueue, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    const value = await work(runner.manager);
    await queue.flushAndCommit(runner);
    return value;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
