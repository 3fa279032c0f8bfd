import { Column, Entity } from 'typeorm';
import { LotLineFact } from './lot-line-fact';

/** Stock of a pledge's lot held for an allocation (StockReserved). */
@Entity('reserved_lots')
export class ReservedLot extends LotLineFact {
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
