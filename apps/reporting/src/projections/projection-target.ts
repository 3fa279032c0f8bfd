import { EntityManager } from 'typeorm';
import { SummaryChanges } from '../reports/summary/rollups/summary-changes';

export type PgType = 'uuid' | 'text' | 'integer' | 'bigint' | 'date' | 'timestamptz' | 'boolean' | 'text[]' | 'jsonb';
type Cell = string | number | boolean | null | string[] | object;

/** A fact table and its columns: every fact row is written with these, in this order. */
export interface FactTable<R extends Record<string, Cell>> {
  name: string;
  columns: { [K in keyof R]: PgType };
  /** Columns written from other facts as the rows go in: SQL over the unnested row `u` (a lookup by key, say). */
  derived?: Partial<Record<keyof R & string, string>>;
  /** Runs in the transaction right before the rows are written (takes a lock the derived values need, say). */
  beforeInsert?: (manager: EntityManager, generation: number) => Promise<void>;
}

export const factTable = <R extends Record<string, Cell>>(
  name: string, columns: { [K in keyof R]: PgType }, options: Pick<FactTable<R>, 'derived' | 'beforeInsert'> = {},
): FactTable<R> => ({ name, columns, ...options });

/**
 * Fact rows gathered while a run of events is applied, written by `flush` with one statement per table:
 * `INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …) ON CONFLICT DO NOTHING` — one round trip per table and
 * chunk whatever the number of rows, no parameter limit, and nothing for the driver to build per row but an array.
 * A fact is keyed by the event that stated it, so writing it again (a redelivery, a replay) changes nothing.
 */
export class FactBatch {
  private readonly rows = new Map<FactTable<Record<string, Cell>>, Record<string, Cell>[]>();
  /** What the summary's month rollups must rebuild, written by the chunk with its facts (projectChunk). */
  readonly summaryChanges = new SummaryChanges();

  add<R extends Record<string, Cell>>(table: FactTable<R>, rows: R[]): void {
    const key = table as unknown as FactTable<Record<string, Cell>>;
    const list = this.rows.get(key) ?? [];
    for (const row of rows) list.push(row);
    this.rows.set(key, list);
    this.summaryChanges.note(table.name, rows);
  }

  async flush(manager: EntityManager): Promise<void> {
    // Tables that lock before they are written go last, so the lock (held until commit) covers as little as it can: the
    // chunks of concurrently projected partitions wait for each other only for that last statement and the commit.
    const tables = [...this.rows].sort(([a], [b]) => Number(a.beforeInsert !== undefined) - Number(b.beforeInsert !== undefined));
    for (const [table, rows] of tables) {
      if (rows.length === 0) continue;
      await table.beforeInsert?.(manager, Number(rows[0].generation));
      await manager.query(insertSql(table), columnArrays(table, rows));
    }
    this.rows.clear();
  }
}

const sqlCache = new Map<string, string>();

function insertSql(table: FactTable<Record<string, Cell>>): string {
  let sql = sqlCache.get(table.name);
  if (!sql) {
    const columns = Object.entries(table.columns);
    const names = columns.map(([name]) => name).join(', ');
    const params = columns.map(([, type], i) => `$${i + 1}::${arrayParamType(type)}`).join(', ');
    const derived: Record<string, string | undefined> = table.derived ?? {};
    const select = columns
      .map(([name, type]) => derived[name] ?? (type === 'text[]' || type === 'jsonb' ? `u.${name}::${type}` : `u.${name}`)).join(', ');
    sql = `INSERT INTO ${table.name} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names}) ON CONFLICT DO NOTHING`;
    sqlCache.set(table.name, sql);
  }
  return sql;
}

/** Array columns and documents travel as their text form inside a text[] (unnest cannot take an array of arrays). */
const arrayParamType = (type: PgType): string => (type === 'text[]' || type === 'jsonb' ? 'text[]' : `${type}[]`);

/**
 * Each column as the text of a PostgreSQL array, built here in one pass: the driver would otherwise escape every element
 * of every array (a regular expression per value), a measurable share of a replay's CPU.
 */
function columnArrays(table: FactTable<Record<string, Cell>>, rows: Record<string, Cell>[]): string[] {
  return Object.entries(table.columns).map(([name, type]) => {
    const elements = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const value = rows[i][name] ?? null;
      if (value === null) elements[i] = 'NULL';
      else if (type === 'text[]') elements[i] = quoted(pgArrayLiteral(value as string[]));
      else if (type === 'jsonb') elements[i] = quoted(JSON.stringify(value));
      else if (type === 'text') elements[i] = quoted(value as string);
      else elements[i] = bare(String(value));
    }
    return `{${elements.join(',')}}`;
  });
}

/** Numbers, booleans, uuids, dates and instants need no quotes in an array; anything else gets them. */
const BARE = /^[\w:.+-]+$/;
const bare = (value: string): string => (BARE.test(value) ? value : quoted(value));
const NEEDS_ESCAPE = /["\\]/;
const quoted = (value: string): string => `"${NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;

export function pgArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** Where a projection writes: the consumer's transaction, the generation it builds, its facts. */
export interface ProjectionTarget {
  manager: EntityManager;
  generation: number;
  facts: FactBatch;
}

/** Queues fact rows; they are written when the run of events being applied is done. */
export function insertFacts<R extends Record<string, Cell>>(target: ProjectionTarget, table: FactTable<R>, rows: R[]): void {
  target.facts.add(table, rows);
}

const FUND_OFFSET_MS = 7 * 3600_000;

/** The fund's calendar day (Asia/Ho_Chi_Minh, UTC+7 all year) of an instant. */
export function fundDateOf(instant: string): string {
  return new Date(Date.parse(instant) + FUND_OFFSET_MS).toISOString().slice(0, 10);
}
