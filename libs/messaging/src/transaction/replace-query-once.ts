import { QueryRunner } from 'typeorm';

type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/**
 * Runs `step` (TypeORM's `startTransaction()` or `commitTransaction()`, so its bookkeeping and subscribers' events stay
 * as they are) with the first `sql` it sends to `runner` handed to `replace` instead, which gets the runner's own query
 * function (to send a longer query string in the same round trip). True when `step` sent `sql`: false means TypeORM did
 * something else (e.g. a SAVEPOINT for a transaction already open, a RELEASE for one still nested).
 */
export async function replaceQueryOnce(runner: QueryRunner, sql: string, replace: (query: Query) => Promise<unknown>, step: () => Promise<void>): Promise<boolean> {
  const query = runner.query.bind(runner) as Query;
  let replaced = false;
  runner.query = ((text: string, parameters?: unknown[], structured?: boolean) => {
    if (text !== sql || replaced) return query(text, parameters, structured);
    replaced = true;
    return replace(query);
  }) as QueryRunner['query'];
  try {
    await step();
  } finally {
    delete (runner as Partial<QueryRunner>).query; // the prototype's again
  }
  return replaced;
}
