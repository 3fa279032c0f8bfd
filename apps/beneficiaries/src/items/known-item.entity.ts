import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of inventory's catalogue, as far as allocations need it: its category and whether it is stocked (false: a service). */
@Entity('known_items')
export class KnownItem {
  @PrimaryColumn('text', { name: 'item_code' }) itemCode!: string;
  @Column('text') category!: string;
  @Column('boolean') stocked!: boolean;
  /** For the tick-off sheet; null for items learned before plans existed. */
  @Column('text', { nullable: true }) name!: string | null;
}
