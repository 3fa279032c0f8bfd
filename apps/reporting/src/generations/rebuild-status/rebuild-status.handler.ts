import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GenerationConsumers } from '../generation-consumers';
import { ReplayProgress, progressTowards } from '../kafka-offsets';
import { ProjectionGeneration } from '../projection-generation.entity';

export interface RebuildStatus {
  /** The latest generation: the rebuild in progress, or the last one built. */
  generation: number;
  status: 'rebuilding' | 'done';
  /** The generation reports read now. */
  activeGeneration: number;
  startedAt: string;
  finishedAt: string | null;
  progress: Omit<ReplayProgress, 'caughtUp'>;
  /** Events this generation's consumer dead-lettered: not projected, so a rebuild with any waits for a decision. */
  deadLettered: number;
  /** True when the rebuild caught up but is not swapped in because of `deadLettered` (replay them, or POST /admin/rebuild/accept). */
  waitingForDecision: boolean;
}

@Injectable()
export class RebuildStatusHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: GenerationConsumers,
  ) {}

  async status(): Promise<RebuildStatus> {
    // Both read in one transaction: never a latest generation from before a swap beside the active one after it.
    const { latest, activeGeneration } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [row] = await manager.getRepository(ProjectionGeneration).find({ order: { generation: 'DESC' }, take: 1 });
      const [{ generation }]: { generation: number }[] = await manager.query('SELECT generation FROM active_generation');
      return { latest: row, activeGeneration: generation };
    });
    // A finished generation reached all of its targets; only a running replay needs asking Kafka.
    const progress = latest.status === 'rebuilding'
      ? await this.consumers.progressOf(latest)
      : progressTowards(latest.targets, new Map(latest.targets.map((t) => [`${t.topic}:${t.partition}`, Number(t.high)])));
    const { messages, replayed } = progress;
    const deadLettered = await this.consumers.deadLetteredBy(latest.generation);
    return {
      generation: latest.generation,
      status: latest.status,
      activeGeneration,
      startedAt: latest.startedAt.toISOString(),
      finishedAt: latest.finishedAt?.toISOString() ?? null,
      progress: { messages, replayed },
      deadLettered,
      waitingForDecision: latest.status === 'rebuilding' && progress.caughtUp && deadLettered > 0 && !latest.deadLettersAcceptedAt,
    };
  }
}
