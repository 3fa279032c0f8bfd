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
}

@Injectable()
export class RebuildStatusHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: GenerationConsumers,
  ) {}

  async status(): Promise<RebuildStatus> {
    const [latest] = await this.dataSource.getRepository(ProjectionGeneration).find({ order: { generation: 'DESC' }, take: 1 });
    const [{ generation: activeGeneration }]: { generation: number }[] = await this.dataSource.query('SELECT generation FROM active_generation');
    // A finished generation reached all of its targets; only a running replay needs asking Kafka.
    const { messages, replayed } = latest.status === 'rebuilding'
      ? await this.consumers.progressOf(latest)
      : progressTowards(latest.targets, new Map(latest.targets.map((t) => [`${t.topic}:${t.partition}`, Number(t.high)])));
    return {
      generation: latest.generation,
      status: latest.status,
      activeGeneration,
      startedAt: latest.startedAt.toISOString(),
      finishedAt: latest.finishedAt?.toISOString() ?? null,
      progress: { messages, replayed },
    };
  }
}
