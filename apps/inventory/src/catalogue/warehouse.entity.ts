import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('warehouses')
export class Warehouse {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}
