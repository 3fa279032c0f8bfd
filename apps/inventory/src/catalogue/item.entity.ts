import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../stock/bigint.column';

/**
 * A kind of gift in the catalogue; its unit value prices lots whose pledge gave none. A service
 * (`stocked: false`: heart screening, a haircut) is allocated and delivered without lots or reservations.
 */
@Entity('items')
export class Item {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') category!: string;
  @Column('text') unit!: string;
  @Column(bigintColumn('unit_value_vnd')) unitValueVnd!: number;
  @Column('boolean') stocked!: boolean;
  /** Receipts of a perishable item must say when each lot expires. */
  @Column('boolean') perishable!: boolean;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}
