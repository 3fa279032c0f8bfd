import { DataSource } from 'typeorm';
import { OutboxPruner } from '@giftflow/messaging';
import { uniquePrefix } from '@giftflow/testing';
import { writeDonorEvents, writerDatabase } from '../../testing/src/fixtures/backbone-fixture';

/** Sent outbox rows are deleted after the retention; unsent and parked rows never (docs/backbone.md). */
describe('OutboxPruner', () => {
  let db: DataSource;
  const quiet = { log: () => undefined, warn: () => undefined };

  beforeAll(async () => {
    db = await writerDatabase(true, 'giftflow_test_outbox_pruner');
  });

  afterAll(async () => {
    await db.destroy();
  });

  beforeEach(async () => {
    await db.query('TRUNCATE outbox');
  });

  /** Rows in id order, each published `sentDaysAgo` days ago (null: not sent), parked when asked. */
  async function rows(...states: { sentDaysAgo: number | null; parked?: boolean; createdDaysAgo?: number }[]): Promise<string[]> {
    const ids = await writeDonorEvents(db, uniquePrefix('pruner'), states.length, states.length);
    for (const [i, state] of states.entries()) {
      await db.query(
        `UPDATE outbox SET published_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(days => $2::int) END,
                created_at = now() - make_interval(days => $3::int),
                failed_at = CASE WHEN $4 THEN now() END, last_error = CASE WHEN $4 THEN 'MESSAGE_TOO_LARGE' END
          WHERE event_id = $1`,
        [ids[i], state.sentDaysAgo, state.createdDaysAgo ?? state.sentDaysAgo ?? 0, state.parked ?? false],
      );
    }
    return ids;
  }

  const left = async (): Promise<string[]> => (await db.query('SELECT event_id FROM outbox ORDER BY id')).map((r: { event_id: string }) => r.event_id);

  it('deletes sent rows older than the retention, in batches, and keeps recent, unsent and parked ones', async () => {
    const ids = await rows(
      { sentDaysAgo: 90 }, { sentDaysAgo: 45 }, { sentDaysAgo: null, createdDaysAgo: 60 }, { sentDaysAgo: 31 },
      { sentDaysAgo: null, parked: true, createdDaysAgo: 50 }, { sentDaysAgo: 40 }, { sentDaysAgo: 29 }, { sentDaysAgo: 0 }, { sentDaysAgo: null },
    );
    const logged: string[] = [];
    const pruner = new OutboxPruner(db, { retentionDays: 30, batchSize: 2, logger: { log: (m) => logged.push(m), warn: (m) => logged.push(m) } });
    expect(await pruner.pruneOnce()).toBe(4);
    expect(await left()).toEqual([ids[2], ids[4], ids[6], ids[7], ids[8]]);
    expect(logged.some((m) => /deleted so far/.test(m))).toBe(true); // a progress line between batches
    expect(logged[logged.length - 1]).toBe('deleted 4 sent outbox rows older than 30 days');
    expect(await pruner.pruneOnce()).toBe(0); // nothing more to do
  });

  it('keeps every row when the retention is 0, and refuses a retention that is not a whole number of days', async () => {
    await rows({ sentDaysAgo: 400 }, { sentDaysAgo: 10 });
    const keepAll = new OutboxPruner(db, { retentionDays: 0, logger: quiet });
    keepAll.start(); // schedules nothing
    expect(await keepAll.pruneOnce()).toBe(0);
    await keepAll.stop();
    expect(await left()).toHaveLength(2);
    expect(() => new OutboxPruner(db, { retentionDays: 1.5 })).toThrow('outbox retention must be a whole number of days');
    expect(() => new OutboxPruner(db, { retentionDays: -1 })).toThrow('outbox retention must be a whole number of days');
  });

  it('runs on its schedule once started, and one run at a time', async () => {
    const [, , recent] = await rows({ sentDaysAgo: 60 }, { sentDaysAgo: 61 }, { sentDaysAgo: 1 });
    const pruner = new OutboxPruner(db, { retentionDays: 30, intervalMs: 100, logger: quiet });
    const [first, second] = [pruner.pruneOnce(), pruner.pruneOnce()];
    expect(second).toBe(first); // a second call while one runs joins it
    expect(await first).toBe(2);
    await rows({ sentDaysAgo: 70 });
    expect(await left()).toHaveLength(2);
    pruner.start();
    const deadline = Date.now() + 10_000;
    while ((await left()).length !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await pruner.stop();
    expect(await left()).toEqual([recent]); // the 70-day-old row went on the schedule, the 1-day-old one stays
  });
});
