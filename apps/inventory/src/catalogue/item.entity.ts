import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A kind of gift in the catalogue; its unit value prices lots whose pledge gave none. */
@Entity('items')
export class Item {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') category!: string;
  @Column('text') unit!: string;
  @Column('integer', { name: 'unit_value_vnd' }) unitValueVnd!: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}
