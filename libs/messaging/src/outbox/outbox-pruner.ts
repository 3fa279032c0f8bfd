import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { wholeNumberFromEnv } from '../config/whole-number-from-env';

export interface OutboxPrunerOptions {
  /** Sent rows older than this many days are deleted; 0 keeps every row. */
  retentionDays: number;
  /** Rows deleted per statement, so that no statement holds many row locks or a long transaction. */
  batchSize?: number;
  /** How often the pruner runs once started (the first run is one interval after start). */
  intervalMs?: number;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

/**
 * Deletes outbox rows that were sent long ago (docs/backbone.md, "Sent rows are kept for a while"). The relay only
 * reads unsent rows; sent ones stay for `retentionDays` as the service's record of what it published (tests and
 * operators read them), then go — unbounded, they were the largest part of a service database's growth
 * (docs/operations.md, "Storage"). Never deletes an unsent or parked row.
 */
export class OutboxPruner {
  private readonly logger: Pick<Logger, 'log' | 'warn'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly intervalMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxPrunerOptions,
  ) {
    if (!Number.isInteger(options.retentionDays) || options.retentionDays < 0) {
      throw new Error(`outbox retention must be a whole number of days (0 keeps every row), not ${options.retentionDays}`);
    }
    this.logger = options.logger ?? new Logger(OutboxPruner.name);
    this.intervalMs = options.intervalMs ?? 3_600_000;
  }

  start(): void {
    if (this.timer || this.options.retentionDays === 0) return;
    this.timer = setInterval(() => void this.pruneOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a run in progress (a batch is one short statement). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One run (a call while one runs joins it); a failure (the database away) is logged and left to the next run. Returns the rows deleted. */
  pruneOnce(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.prune().catch((error: unknown) => {
      this.logger.warn(`pruning sent outbox rows failed, next run in ${Math.round(this.intervalMs / 60_000)} min: ${String(error)}`);
      return 0;
    }).finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Deletes sent rows older than the retention, oldest first, `batchSize` at a time until none is left. Walks the
   * primary key from its start: rows are sent roughly in id order, so the old sent rows are the first ones.
   */
  private async prune(): Promise<number> {
    const { retentionDays } = this.options;
    if (retentionDays === 0) return 0;
    const batchSize = this.options.batchSize ?? 5_000;
    let deleted = 0;
    for (;;) {
      // TypeORM answers a DELETE with [rows, affected].
      const [, affected]: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE published_at < now() - make_interval(days => $1) ORDER BY id LIMIT $2)`,
        [retentionDays, batchSize],
      );
      deleted += affected;
      if (affected < batchSize) break;
      this.logger.log(`pruning sent outbox rows older than ${retentionDays} days: ${deleted} deleted so far`);
    }
    if (deleted > 0) this.logger.log(`deleted ${deleted} sent outbox rows older than ${retentionDays} days`);
    return deleted;
  }
}

/** OUTBOX_RETENTION_DAYS (default 30; 0 keeps every sent row), checked at start-up. */
export function outboxRetentionDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberFromEnv(env, 'OUTBOX_RETENTION_DAYS', 0, 'a whole number of days (0 keeps every sent row)') ?? 30;
}
