import type { PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { OutboxQueue } from '../outbox/outbox-transaction';
import { PreparedStatements, namingStatements } from '../database/prepared-statements';
import { replaceQueryOnce } from './replace-query-once';

export interface TransactionOptions {
  /** A statement of the caller's own with its values as literals, sent with the START TRANSACTION; `work` gets its rows. */
  opening?: string;
  /** Names the transaction's parameterized statements (the consumer's chunks): parsed and planned once per connection. */
  statements?: PreparedStatements;
}

/**
 * TypeORM's `dataSource.transaction`, except that `queue`'s outbox rows are sent with the COMMIT, in one round trip
 * (`OutboxQueue.flushAndCommit`; docs/backbone.md, "Only validated events reach the outbox"), that `opening`, a
 * statement of the caller's own with its values as literals (the consumer's inbox INSERT), may go with the START
 * TRANSACTION: `work` gets its rows, and that its statements may be named (`statements`). As there: on any error the
 * transaction is rolled back (after a failed COMMIT the ROLLBACK only draws a warning) and the error rethrown.
 */
export async function transactionWithOutbox<T>(
  dataSource: DataSource,
  queue: OutboxQueue,
  work: (manager: EntityManager, opened: Record<string, unknown>[]) => Promise<T>,
  { opening, statements }: TransactionOptions = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let unname: (() => void) | undefined;
  try {
    if (statements) unname = namingStatements((await (runner as PostgresQueryRunner).connect()) as PoolClient, statements);
    const opened = await startWith(runner, opening);
    const value = await work(runner.manager, opened);
    await queue.flushAndCommit(runner);
    return value;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    unname?.();
    await runner.release();
  }
}

/**
 * `runner.startTransaction()` (TypeORM's bookkeeping as usual), with `opening` sent in the same simple query as its
 * START TRANSACTION on the runner's pg client; returns the rows `opening` answered.
 */
async function startWith(runner: QueryRunner, opening?: string): Promise<Record<string, unknown>[]> {
  if (!opening) {
    await runner.startTransaction();
    return [];
  }
  let rows: Record<string, unknown>[] = [];
  const started = await replaceQueryOnce(runner, 'START TRANSACTION', async () => {
    const text = `START TRANSACTION; ${opening}`;
    const client = (await (runner as PostgresQueryRunner).connect()) as PoolClient;
    try {
      const results = (await client.query(text)) as unknown as QueryResult[];
      rows = results[1].rows;
    } catch (error) {
      throw new QueryFailedError(text, [], error as Error); // as TypeORM would: the SQLSTATE stays on driverError
    }
    return [];
  }, () => runner.startTransaction());
  if (!started) throw new Error('the transaction did not start: one was open already');
  return rows;
}
