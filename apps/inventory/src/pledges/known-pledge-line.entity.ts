import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../stock/bigint.column';

@Entity('known_pledge_lines')
export class KnownPledgeLine {
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('integer') quantity!: number;
  @Column(bigintColumn('unit_value_vnd', true)) unitValueVnd!: number | null;
}
