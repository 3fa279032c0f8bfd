import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT, TraceFlags, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { writerDatabase } from '../../testing/src/fixtures/backbone-fixture';

const WRITER = 'giftflow_test_unit_of_work';

/**
 * UnitOfWork sends the outbox INSERT with the COMMIT, in one simple-protocol query with the values as escaped
 * literals (docs/backbone.md, "Only validated events reach the outbox"): what it writes must be exactly what was
 * published, whatever the strings hold, and a failure anywhere must leave nothing behind.
 */
describe('UnitOfWork', () => {
  let db: DataSource;
  let woken = 0;
  let uow: UnitOfWork;

  beforeEach(async () => {
    db = await writerDatabase(true, WRITER);
    await db.query('CREATE TABLE domain (id uuid PRIMARY KEY, note text NOT NULL)');
    woken = 0;
    uow = new UnitOfWork(db, 'donors', 'uow.', () => (woken += 1));
  });

  afterEach(async () => {
    await db.destroy();
  });

  const outbox = (): Promise<{ event_id: string; topic: string; message_key: string; event_type: string; envelope: string; headers: unknown }[]> =>
    db.query('SELECT event_id, topic, message_key, event_type, envelope, headers FROM outbox ORDER BY id');
  const domainRows = async (): Promise<number> => (await db.query('SELECT count(*)::int AS n FROM domain'))[0].n;

  /** Counts the queries sent to PostgreSQL (each one round trip) while `fn` runs. */
  async function roundTrips(fn: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const text = args[0];
      sent.push(typeof text === 'string' ? text : (text as { text: string }).text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await fn();
    } finally {
      Client.prototype.query = original;
    }
    return sent;
  }

  it('writes keys and envelopes exactly as published, whatever quotes, backslashes or SQL they hold, with the domain write', async () => {
    const keys = [`o'brien`, 'back\\slash \\\' and \\\\', `'); DELETE FROM domain; --`, 'E\'\\x41\'', 'ünïcødé 👍 $$ $1 ?', 'a'.repeat(5000)];
    const published = await uow.run({ actor: `act'or\\` }, async (tx) => {
      await tx.manager.query('INSERT INTO domain (id, note) VALUES ($1, $2)', [randomUUID(), 'the state change']);
      return keys.map((key) => {
        const donorId = randomUUID();
        return tx.publish(DonorRegisteredV1, key, { donorId, kind: 'business' });
      });
    });
    const rows = await outbox();
    expect(rows.map((r) => r.message_key)).toEqual(keys);
    expect(rows.map((r) => r.event_id)).toEqual(published.map((e) => e.id));
    expect(rows.map((r) => JSON.parse(r.envelope))).toEqual(published.map((e) => JSON.parse(JSON.stringify(e))));
    expect(rows.every((r) => r.topic === 'uow.donors.events' && r.event_type === 'DonorRegistered' && r.headers === null)).toBe(true);
    expect(await domainRows()).toBe(1);
    expect(woken).toBe(1);
  });

  it('commits a one-event transaction in two round trips: START TRANSACTION, then the outbox INSERT with the COMMIT', async () => {
    const sent = await roundTrips(() => uow.run({ actor: 'test' }, async (tx) => {
      const donorId = randomUUID();
      tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' });
    }));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe('START TRANSACTION');
    expect(sent[1]).toMatch(/^INSERT INTO outbox .* VALUES \(.*\); COMMIT$/s);
    expect(await outbox()).toHaveLength(1);
    // A transaction that publishes nothing commits as before.
    const plain = await roundTrips(() => uow.run({ actor: 'test' }, async (tx) => tx.manager.query('SELECT 1')));
    expect(plain).toEqual(['START TRANSACTION', 'SELECT 1', 'COMMIT']);
    expect(woken).toBe(1);
  });

  it('writes a long queue with COPY: keys and envelopes exactly as published, whatever tabs, newlines or backslashes they hold', async () => {
    const keys = ['tab\there', 'new\nline', 'carriage\rreturn', '\\N', '\\.', 'back\\slash \\t', `o'brien`, 'ünïcødé 👍'];
    const published = await uow.run({ actor: 'act\tor\\' }, async (tx) => Array.from({ length: 150 }, (_, i) => {
      const donorId = randomUUID();
      return tx.publish(DonorRegisteredV1, keys[i % keys.length], { donorId, kind: 'business' });
    }));
    const rows = await outbox();
    expect(rows.map((r) => r.message_key)).toEqual(published.map((_, i) => keys[i % keys.length]));
    expect(rows.map((r) => r.event_id)).toEqual(published.map((e) => e.id));
    // Stored exactly as published serialized it (the relay sends the stored text as it is).
    expect(rows.map((r) => r.envelope)).toEqual(published.map((e) => JSON.stringify(e)));
    expect(rows.every((r) => r.headers === null)).toBe(true);
  });

  it('writes the trace context of a traced transaction with each row of a long queue (COPY)', async () => {
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const traceId = 'a1'.repeat(16);
    try {
      const traced = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: 'b2'.repeat(8), traceFlags: TraceFlags.SAMPLED });
      await context.with(traced, () => uow.run({ actor: 'test' }, async (tx) => {
        for (let i = 0; i < 120; i += 1) tx.publish(DonorRegisteredV1, `key ${i}`, { donorId: randomUUID(), kind: 'business' });
      }));
    } finally {
      propagation.disable();
      context.disable();
    }
    const rows = await outbox();
    expect(rows).toHaveLength(120);
    expect(rows.every((r) => (r.headers as { traceparent?: string } | null)?.traceparent === `00-${traceId}-${'b2'.repeat(8)}-01`)).toBe(true);
  });

  it('writes a long queue with COPY, then commits; rows flushed early are not written twice', async () => {
    const ids = await uow.run({ actor: 'test' }, async (tx) => {
      const publish = () => {
        const donorId = randomUUID();
        return tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' }).id;
      };
      const early = [publish(), publish()];
      expect(await tx.flush()).toBe(2);
      return [...early, ...Array.from({ length: 250 }, publish)];
    });
    expect((await outbox()).map((r) => r.event_id)).toEqual(ids);
    expect(woken).toBe(1);
  });

  it('rolls back the domain write when the outbox INSERT fails, skips the COMMIT, and leaves the connection usable', async () => {
    // The outbox has no unique index on event ids (they are unique by construction): this test adds one, so that a row
    // with the same event id makes the INSERT sent with the COMMIT fail (unique violation).
    await db.query('CREATE UNIQUE INDEX outbox_event_id_for_test ON outbox (event_id)');
    try {
      await expect(uow.run({ actor: 'test' }, async (tx) => {
        await tx.manager.query('INSERT INTO domain (id, note) VALUES ($1, $2)', [randomUUID(), 'must not stay']);
        const donorId = randomUUID();
        const event = tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' });
        await tx.manager.query(`INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, 't', 'k', 'x', '{}')`, [event.id]);
      })).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    } finally {
      await db.query('DROP INDEX outbox_event_id_for_test');
    }
    expect(await domainRows()).toBe(0);
    expect(await outbox()).toHaveLength(0);
    expect(woken).toBe(0);
    // Every pooled connection is idle and outside a transaction afterwards.
    for (let i = 0; i < 12; i += 1) {
      await uow.run({ actor: 'test' }, async (tx) => {
        const donorId = randomUUID();
        tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' });
      });
    }
    expect(await outbox()).toHaveLength(12);
    const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'`, [WRITER]);
    expect(open).toBe(0);
  });

  it('refuses a NUL in a key as PostgreSQL would, and rolls everything back; an error in the work does the same', async () => {
    await expect(uow.run({ actor: 'test' }, async (tx) => {
      await tx.manager.query('INSERT INTO domain (id, note) VALUES ($1, $2)', [randomUUID(), 'must not stay']);
      const donorId = randomUUID();
      tx.publish(DonorRegisteredV1, `nul\0here`, { donorId, kind: 'business' });
    })).rejects.toMatchObject({ code: '22021' });
    // In a long queue (COPY) too.
    await expect(uow.run({ actor: 'test' }, async (tx) => {
      await tx.manager.query('INSERT INTO domain (id, note) VALUES ($1, $2)', [randomUUID(), 'must not stay']);
      for (let i = 0; i < 150; i += 1) tx.publish(DonorRegisteredV1, i === 75 ? `nul\0here` : `key ${i}`, { donorId: randomUUID(), kind: 'business' });
    })).rejects.toMatchObject({ code: '22021' });
    await expect(uow.run({ actor: 'test' }, async (tx) => {
      await tx.manager.query('INSERT INTO domain (id, note) VALUES ($1, $2)', [randomUUID(), 'must not stay']);
      throw new Error('the handler failed');
    })).rejects.toThrow('the handler failed');
    expect(await domainRows()).toBe(0);
    expect(await outbox()).toHaveLength(0);
    expect(woken).toBe(0);
  });
});
