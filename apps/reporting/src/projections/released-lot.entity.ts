import { Column, Entity } from 'typeorm';
import { LotLineFact } from './lot-line-fact';

/** Reserved stock back on the shelf after a failed or cancelled delivery (StockReleased). */
@Entity('released_lots')
export class ReleasedLot extends LotLineFact {
  @Column('text') reason!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
