import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GenerationConsumers } from '../generation-consumers';

export interface RebuildAccepted {
  generation: number;
  deadLettered: number;
}

/**
 * The decision a rebuild that dead-lettered events waits for (docs/backbone.md, "Reporting rebuilds"): swap it in
 * without them. The other decision is to fix the cause and replay the letters with `npm run dlq`.
 */
@Injectable()
export class AcceptRebuildHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: GenerationConsumers,
  ) {}

  async accept(): Promise<RebuildAccepted> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]]: [{ generation: number }[], number] = await this.dataSource.query(
      `UPDATE projection_generations SET dead_letters_accepted_at = now() WHERE status = 'rebuilding' RETURNING generation`);
    if (!row) throw new ConflictException('no rebuild is running');
    this.consumers.wake();
    return { generation: row.generation, deadLettered: await this.consumers.deadLetteredBy(row.generation) };
  }
}
