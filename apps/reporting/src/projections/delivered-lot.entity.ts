import { Column, Entity } from 'typeorm';
import { LotLineFact } from './lot-line-fact';

/** What reached which beneficiary, from which pledge's lot, at the lot's value (DeliveryConfirmed). */
@Entity('delivered_lots')
export class DeliveredLot extends LotLineFact {
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('bigint', { name: 'unit_value_vnd' }) unitValueVnd!: number;
  @Column('timestamptz', { name: 'delivered_at' }) deliveredAt!: Date;
}
