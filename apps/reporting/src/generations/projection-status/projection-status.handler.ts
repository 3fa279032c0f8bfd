import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GenerationConsumers } from '../generation-consumers';
import { PartitionLag, replayPace } from '../kafka-offsets';
import { ProjectionGeneration } from '../projection-generation.entity';

export interface ProjectionStatus {
  /** The generation reports read. */
  activeGeneration: number;
  /** Per topic and partition, for the active generation's consumer. */
  partitions: PartitionLag[];
  lag: number;
  /** The rebuild in progress, or null. */
  rebuild: null | {
    generation: number;
    startedAt: string;
    /** Messages the replay must reach (the end offsets when it started) and how many it has handled. */
    events: number;
    eventsDone: number;
    eventsPerSecond: number | null;
    secondsLeft: number | null;
    partitions: PartitionLag[];
  };
}

/** GET /reports/status: how far each generation's consumer is, from Kafka's committed and end offsets. */
@Injectable()
export class ProjectionStatusHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: GenerationConsumers,
  ) {}

  async status(): Promise<ProjectionStatus> {
    const [{ generation: activeGeneration }]: { generation: number }[] = await this.dataSource.query('SELECT generation FROM active_generation');
    const rebuilding = await this.dataSource.getRepository(ProjectionGeneration).findOneBy({ status: 'rebuilding' });
    const partitions = await this.consumers.lagOf(activeGeneration);
    return {
      activeGeneration,
      partitions,
      lag: partitions.reduce((n, p) => n + p.lag, 0),
      rebuild: rebuilding ? await this.rebuildStatus(rebuilding) : null,
    };
  }

  private async rebuildStatus(generation: ProjectionGeneration): Promise<ProjectionStatus['rebuild']> {
    const [progress, partitions] = await Promise.all([this.consumers.progressOf(generation), this.consumers.lagOf(generation.generation)]);
    return {
      generation: generation.generation,
      startedAt: generation.startedAt.toISOString(),
      events: progress.messages,
      eventsDone: progress.replayed,
      ...replayPace(progress, generation.consumingSince ?? generation.startedAt, new Date()),
      partitions,
    };
  }
}
