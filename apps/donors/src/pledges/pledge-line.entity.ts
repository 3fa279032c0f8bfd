import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One item of a pledge and how far it has got: received at the warehouse, delivered to beneficiaries. */
@Entity('pledge_lines')
export class PledgeLine {
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  /** Position on the pledge as the donor listed it. */
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  /** What the donor valued one unit at; null when they gave no value (readers use the catalogue's value). */
  @Column('integer', { name: 'unit_value_vnd', nullable: true }) unitValueVnd!: number | null;
  @Column('integer') pledged!: number;
  @Column('integer') received!: number;
  @Column('integer') delivered!: number;
}
