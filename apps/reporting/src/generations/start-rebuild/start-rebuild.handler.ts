import { ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GenerationConsumers } from '../generation-consumers';
import { createGenerationPartitions, lockProjectionTables } from '../generation-partitions';
import { KafkaOffsets } from '../kafka-offsets';

export interface RebuildStarted {
  generation: number;
  status: 'rebuilding';
}

/**
 * Opens generation N+1: fresh partitions, and as its target the topics' high watermarks now. Its consumer
 * (group `…giftflow.reporting.g<N+1>`, from offset 0) is started by GenerationConsumers, which makes it the
 * active generation once it has reached the target; reports keep reading the current one meanwhile.
 */
@Injectable()
export class StartRebuildHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: GenerationConsumers,
    private readonly offsets: KafkaOffsets,
  ) {}

  async start(): Promise<RebuildStarted> {
    const targets = await this.offsets.watermarks(this.consumers.topics);
    const generation = await this.dataSource.transaction(async (manager) => {
      // One rebuild at a time, and generation numbers handed out in order, across replicas.
      await manager.query('LOCK TABLE projection_generations IN SHARE ROW EXCLUSIVE MODE');
      const [busy]: { generation: number }[] = await manager.query(`SELECT generation FROM projection_generations WHERE status = 'rebuilding'`);
      if (busy) throw new ConflictException(`generation ${busy.generation} is still rebuilding`);
      const [{ next }]: { next: number }[] = await manager.query('SELECT max(generation) + 1 AS next FROM projection_generations');
      await manager.query(`INSERT INTO projection_generations (generation, status, targets) VALUES ($1, 'rebuilding', $2)`, [next, JSON.stringify(targets)]);
      // Creating partitions locks the tables reports read: all at once, without waiting (a deadlock otherwise).
      if (!(await lockProjectionTables(manager, 12))) throw new ServiceUnavailableException('reports kept the read models busy; try again');
      await createGenerationPartitions(manager, next);
      return next;
    });
    this.consumers.wake();
    return { generation, status: 'rebuilding' };
  }
}
