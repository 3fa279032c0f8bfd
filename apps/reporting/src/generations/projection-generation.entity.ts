import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PartitionTarget } from './kafka-offsets';

/**
 * One build of every read model from the topics. `active_generation` names the one reports read; a
 * `rebuilding` one replays from offset 0 into its own partitions until it reaches `targets`.
 */
@Entity('projection_generations')
export class ProjectionGeneration {
  @PrimaryColumn('integer') generation!: number;
  @Column('text') status!: 'rebuilding' | 'done';
  @Column('jsonb') targets!: PartitionTarget[];
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'consuming_since', nullable: true }) consumingSince!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @Column('timestamptz', { name: 'dropped_at', nullable: true }) droppedAt!: Date | null;
  /** Set by POST /admin/rebuild/accept: swap this rebuild in although its consumer dead-lettered events. */
  @Column('timestamptz', { name: 'dead_letters_accepted_at', nullable: true }) deadLettersAcceptedAt!: Date | null;
}
