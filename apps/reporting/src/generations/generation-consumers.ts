import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource, IsNull, Not } from 'typeorm';
import { topicName } from '@giftflow/contracts';
import { KAFKA, KAFKA_SETTINGS, KafkaSettings, MESSAGING_METRICS, MessagingHealth, MessagingMetrics } from '@giftflow/messaging';
import { REPORTING_CONSUMES } from '../reporting.subscriptions';
import { refreshMonthRollups, withMonthRollups } from '../reports/summary/rollups/month-rollups';
import { analyzeGenerationPartitions, dropGenerationPartitions, lockProjectionTables } from './generation-partitions';
import { KafkaOffsets, PartitionLag, ReplayProgress, replayPace } from './kafka-offsets';
import { ProjectionConsumer } from './projection-consumer';
import { ProjectionGeneration } from './projection-generation.entity';

const ROUND_MS = 500;
const SUMMARY_CHANGES_EVERY_MS = 60_000;
/** How often a running rebuild prints its progress. */
const PROGRESS_LOG_MS = 5000;

/**
 * Owns reporting's consumers (ServiceCoreModule runs none for reporting): one per generation that should
 * be consuming — the active one, and a rebuild while it replays. Each round, read from the database so
 * every replica agrees, it starts and stops consumers to match, makes a rebuild that reached its target
 * offsets the active generation, and drops a retired generation once no replica consumes it any more.
 */
@Injectable()
export class GenerationConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private summaryChangesTakenAt = Date.now();
  private readonly running = new Map<number, ProjectionConsumer>();
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private waitingOn = '';
  private progressLoggedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    private readonly offsets: KafkaOffsets,
    private readonly health: MessagingHealth,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics?: MessagingMetrics,
  ) {}

  get topics(): string[] {
    return REPORTING_CONSUMES.map((publisher) => topicName(publisher, this.settings.topicPrefix));
  }

  groupIdOf(generation: number): string {
    return `${this.settings.topicPrefix}giftflow.${consumerNameOf(generation)}`;
  }

  progressOf(generation: ProjectionGeneration): Promise<ReplayProgress> {
    return this.offsets.progress(this.groupIdOf(generation.generation), generation.targets);
  }

  lagOf(generation: number): Promise<PartitionLag[]> {
    return this.offsets.lag(this.groupIdOf(generation), this.topics);
  }

  async onApplicationBootstrap(): Promise<void> {
    // The first round before the app is ready: a restart goes on consuming where the active generation left off.
    await this.reconcile().catch((error) => this.logger.error(`starting the projections failed, retrying: ${String(error)}`));
    this.loop = this.run();
  }

  /** Finishes each consumer's chunk in flight (it commits), then leaves the groups. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    for (const generation of [...this.running.keys()]) await this.stopConsumer(generation);
    await this.offsets.close();
  }

  /** Runs a round now rather than at the next tick (a rebuild was just asked for). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      await this.sleep(ROUND_MS);
      if (this.stopping) break;
      await this.reconcile().catch((error) => this.logger.warn(`projection round failed, retrying: ${String(error)}`));
      await this.takeSummaryChanges();
    }
  }

  /**
   * Once a minute, the chunks' recorded changes of the active generation are taken into stale months, as a summary would:
   * `summary_changes` gains a row per projected chunk and would otherwise grow until someone asks for a summary. Skipped
   * when a summary holds the rollups (it takes them itself), and while no month is built.
   */
  private async takeSummaryChanges(): Promise<void> {
    if (Date.now() - this.summaryChangesTakenAt < SUMMARY_CHANGES_EVERY_MS) return;
    this.summaryChangesTakenAt = Date.now();
    try {
      const [{ generation }]: { generation: number }[] = await this.dataSource.query('SELECT generation FROM active_generation');
      await withMonthRollups(this.dataSource, generation, async (manager) => {
        // Nothing built yet (a generation just swapped in, its build to come): the changes name the months to build.
        const [{ built }]: { built: boolean }[] = await manager.query(
          'SELECT EXISTS (SELECT 1 FROM summary_months WHERE generation = $1) AS built', [generation]);
        if (built) await refreshMonthRollups(manager, generation, []);
      }, 100);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '55P03' && code !== '40001') this.logger.warn(`taking the summary's changes failed: ${String(error)}`);
    }
  }

  private async sleep(ms: number): Promise<void> {
    if (!this.woken) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.wakeUp = null;
    this.woken = false;
  }

  /**
   * Events the generation's consumer dead-lettered: offsets count them as replayed, but they were not projected
   * (docs/backbone.md, trap 26). A rebuild with any is not swapped in until they are replayed (`npm run dlq -- replay --all
   * --consumer reporting.g<N>`) or a person accepts the generation without them (POST /admin/rebuild/accept).
   */
  async deadLetteredBy(generation: number): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND status = 'dead'`, [consumerNameOf(generation)]);
    return n;
  }

  private async reconcile(): Promise<void> {
    const generations = this.dataSource.getRepository(ProjectionGeneration);
    const rebuilding = await this.matchConsumers();
    const progress = rebuilding ? await this.progressOf(rebuilding) : null;
    if (rebuilding && progress) this.logProgress(rebuilding, progress);
    if (rebuilding && progress?.caughtUp) {
      // A generation that dead-lettered events it should have projected waits for a decision (docs/backbone.md).
      const dead = await this.deadLetteredBy(rebuilding.generation);
      if (dead > 0 && !rebuilding.deadLettersAcceptedAt) {
        if (this.waitingOn !== `${rebuilding.generation}:${dead}`) {
          this.logger.warn(`generation ${rebuilding.generation} caught up but dead-lettered ${dead} event(s): not swapped in; ` +
            `replay them (npm run dlq -- replay --all --consumer ${consumerNameOf(rebuilding.generation)}) or POST /admin/rebuild/accept`);
          this.waitingOn = `${rebuilding.generation}:${dead}`;
        }
      } else {
        await analyzeGenerationPartitions(this.dataSource, rebuilding.generation); // reports plan with its statistics from the first read
        await this.activate(rebuilding.generation);
        await this.matchConsumers(); // stops the old generation's consumer
        void this.buildSummaryRollups(rebuilding.generation);
      }
    }
    for (const retired of await generations.findBy({ retiredAt: Not(IsNull()), droppedAt: IsNull() })) await this.dropWhenIdle(retired.generation);
  }

  /**
   * The summary's month rollups of every month the rebuild projected facts in, built once, set-based, right after the swap
   * (not before: the swap is not delayed by seconds of building), so the new generation's summaries read them rather than
   * build them; a summary asked meanwhile reads the facts (SummaryHandler, ROLLUP_WAIT_MS). Not built: summaries build
   * the months they need (reports/summary/rollups).
   */
  private async buildSummaryRollups(generation: number): Promise<void> {
    const started = Date.now();
    try {
      const built = await withMonthRollups(this.dataSource, generation, (manager) => refreshMonthRollups(manager, generation, 'changed'));
      await analyzeGenerationPartitions(this.dataSource, generation, ['summary_month_sums', 'summary_month_reach', 'summary_beneficiary_numbers']);
      this.logger.log(`generation ${generation}: summary rollups of ${built.length} month(s) built in ${Date.now() - started} ms`);
    } catch (error) {
      this.logger.warn(`generation ${generation}: building the summary rollups failed (summaries build them as asked): ${String(error)}`);
    }
  }

  /** The rebuild's progress in the log every few seconds: events done, events/s, time left (also GET /reports/status). */
  private logProgress(rebuilding: ProjectionGeneration, progress: ReplayProgress): void {
    const now = Date.now();
    if (now - this.progressLoggedAt < PROGRESS_LOG_MS && !progress.caughtUp) return;
    this.progressLoggedAt = now;
    const { eventsPerSecond, secondsLeft } = replayPace(progress, rebuilding.consumingSince ?? rebuilding.startedAt, new Date(now));
    this.logger.log(`rebuild of generation ${rebuilding.generation}: ${progress.replayed}/${progress.messages} events, `
      + `${eventsPerSecond ?? '–'} events/s, ${secondsLeft ?? '–'} s left`);
  }

  /** Runs a consumer for the active generation and for a rebuild, and for nothing else; returns the rebuild. */
  private async matchConsumers(): Promise<ProjectionGeneration | null> {
    // One transaction for both reads: a swap between them would leave no consumer for the new active generation.
    const { active, rebuilding } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ generation }]: { generation: number }[] = await manager.query('SELECT generation FROM active_generation');
      return { active: generation, rebuilding: await manager.getRepository(ProjectionGeneration).findOneBy({ status: 'rebuilding' }) };
    });
    const wanted = new Set([active, ...(rebuilding ? [rebuilding.generation] : [])]);
    for (const generation of wanted) if (!this.running.has(generation)) await this.startConsumer(generation);
    for (const generation of [...this.running.keys()]) if (!wanted.has(generation)) await this.stopConsumer(generation);
    return rebuilding;
  }

  private async startConsumer(generation: number): Promise<void> {
    const groupId = this.groupIdOf(generation);
    const [{ consuming_since: since }]: { consuming_since: Date | null }[] =
      await this.dataSource.query('SELECT consuming_since FROM projection_generations WHERE generation = $1', [generation]);
    // A group of this name left by an earlier database would skip what it had committed: replay from offset 0.
    if (!since) await this.offsets.deleteGroup(groupId);
    const consumer = new ProjectionConsumer(this.kafka, this.dataSource, {
      name: consumerNameOf(generation), groupId, topics: this.topics, generation,
      chunkSize: Number(process.env.REPORTING_CHUNK_SIZE ?? 2000),
      partitionsConsumedConcurrently: Number(process.env.REPORTING_PARTITIONS_CONCURRENTLY ?? 3),
    });
    try {
      await consumer.start();
    } catch (error) {
      await consumer.stop();
      throw error;
    }
    this.running.set(generation, consumer);
    this.health.register(`consumer:${consumerNameOf(generation)}`, consumer);
    await this.dataSource.query('UPDATE projection_generations SET consuming_since = now() WHERE generation = $1 AND consuming_since IS NULL', [generation]);
    this.logger.log(`generation ${generation} consuming ${this.topics.join(', ')} as ${groupId}`);
  }

  private async stopConsumer(generation: number): Promise<void> {
    const consumer = this.running.get(generation);
    this.running.delete(generation);
    this.health.unregister(`consumer:${consumerNameOf(generation)}`);
    await consumer?.stop();
  }

  /** The swap: one transaction, and only once whichever replica gets there first. */
  private async activate(generation: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, finished]: [unknown, number] = await manager.query(
        `UPDATE projection_generations SET status = 'done', finished_at = now() WHERE generation = $1 AND status = 'rebuilding'`, [generation]);
      if (finished === 0) return;
      await manager.query('UPDATE projection_generations SET retired_at = now() WHERE generation = (SELECT generation FROM active_generation)');
      await manager.query('UPDATE active_generation SET generation = $1', [generation]);
    });
    this.logger.log(`generation ${generation} caught up and is now the one reports read`);
  }

  private async dropWhenIdle(generation: number): Promise<void> {
    const groupId = this.groupIdOf(generation);
    if (this.running.has(generation) || (await this.offsets.hasMembers(groupId))) return;
    // The group goes first: once dropped_at is set nothing looks at this generation again, so a group deleted after
    // it (and failing, with the broker busy) would be left behind for good. Deleting an absent group is a no-op.
    await this.offsets.deleteGroup(groupId);
    const dropped = await this.dataSource.transaction(async (manager) => {
      if (!(await lockProjectionTables(manager, 3))) return false; // the tables stayed busy: next round
      await dropGenerationPartitions(manager, generation);
      // Generations built before projections kept no inbox (projection-consumer.ts) may still have rows there.
      await manager.query('DELETE FROM inbox WHERE consumer = $1', [consumerNameOf(generation)]);
      await manager.query('UPDATE projection_generations SET dropped_at = now() WHERE generation = $1', [generation]);
      return true;
    });
    if (!dropped) return;
    this.logger.log(`generation ${generation} dropped`);
  }
}

/** Names the inbox rows and the consumer group of one generation, so a rebuild never sees the old one's. */
export const consumerNameOf = (generation: number): string => `reporting.g${generation}`;
