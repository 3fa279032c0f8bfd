import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a PledgeRecorded: what was promised, valued by the donor or (null) by the catalogue. */
@Entity('pledge_lines')
export class PledgeLine {
  @PrimaryColumn('integer') generation!: number;
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('integer') quantity!: number;
  @Column('bigint', { name: 'unit_value_vnd', nullable: true }) unitValueVnd!: number | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
