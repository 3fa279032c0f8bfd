import { PoolClient, Query, QueryResult } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Names for the parameterized statements a consumer's chunk transactions send, so that PostgreSQL parses and plans each
 * distinct SQL text once per connection instead of once per statement (docs/backbone.md, "Prepared statements"). A
 * per-event handler's INSERT cost the reader database 54–67 µs of CPU per event unnamed, 33–42 µs named (BENCHMARKS.md,
 * sixth round).
 *
 * pg keeps, per connection, which names it has parsed and skips the Parse of a name it knows; a name must always
 * mean the same text, which this registry guarantees: one registry per DataSource (its pool's connections), names
 * drawn once per text. It is bounded: a text is named from its second use (a one-off statement takes no slot) and
 * at most `capacity` texts are named; the rest go unnamed, as before. Each connection holds at most that many
 * prepared statements, freed when it closes.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  private drawn = 0;

  constructor(readonly capacity: number) {}

  /** The name to send `text` under, or undefined (send it unnamed). */
  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= this.capacity) return name;
    if (!this.seen.has(text)) {
      if (this.seen.size >= this.capacity * 10) this.seen.clear(); // one-offs, mostly: forget them all
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    return this.draw(text);
  }

  /**
   * After a deploy changed a table under a prepared statement, PostgreSQL refuses it ("cached plan must not change
   * result type") on every connection that prepared it. The text gets a new name, so that its next use parses again.
   */
  retire(text: string): void {
    if (this.names.has(text)) this.draw(text);
  }

  /** A name never drawn before, now `text`'s. */
  private draw(text: string): string {
    this.drawn += 1;
    const name = `giftflow_${this.drawn}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

const registries = new WeakMap<DataSource, PreparedStatements>();

/** The registry of `dataSource`'s connections; the first caller's capacity holds for all. */
export function preparedStatementsOf(dataSource: DataSource, capacity: number): PreparedStatements {
  let registry = registries.get(dataSource);
  if (!registry) {
    registry = new PreparedStatements(capacity);
    registries.set(dataSource, registry);
  }
  return registry;
}

/** PostgreSQL refusing a prepared statement whose table a deploy changed under it (0A000, by this message only). */
export function isChangedPlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && /cached plan must not change result type/.test(message);
}

type ClientQuery = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Sends `client`'s parameterized statements named by `statements` until the returned function is called (TypeORM's
 * query runner calls `client.query(text, parameters)`: a text with parameters goes as `{ name, text, values }`).
 * Statements without parameters stay simple queries: several in one string, as the START TRANSACTION and the COMMIT
 * carry, have no extended-protocol form.
 */
export function namingStatements(client: PoolClient, statements: PreparedStatements): () => void {
  const own = client as unknown as { query: ClientQuery };
  const query = own.query.bind(client) as ClientQuery;
  own.query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(config, values, callback);
    const name = statements.nameFor(config);
    if (name === undefined) return query(config, values);
    // A Query of our own: pg copies a `{ name, text, values }` config property by property first (3 µs a statement).
    const named = new Query(config, values) as Query & { name?: string; callback?: (error: Error | null, result?: QueryResult) => void };
    named.name = name;
    return new Promise<QueryResult>((resolve, reject) => {
      named.callback = (error, result) => {
        if (!error) return resolve(result!);
        if (isChangedPlan(error)) statements.retire(config);
        reject(error);
      };
      query(named);
    });
  };
  return () => {
    delete (own as Partial<typeof own>).query; // the prototype's again
  };
}
