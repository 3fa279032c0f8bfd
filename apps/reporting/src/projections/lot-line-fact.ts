import { Column, PrimaryColumn } from 'typeorm';
import { LotQuantity } from '@giftflow/contracts';

/**
 * A lot line of StockReserved, DeliveryConfirmed or StockReleased: stock of a pledge's lot moved for an
 * allocation. Keyed by the event that stated it, as nothing says an allocation moves a lot only once.
 */
export abstract class LotLineFact {
  @PrimaryColumn('integer') generation!: number;
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('uuid', { name: 'allocation_id' }) allocationId!: string;
  @Column('uuid', { name: 'lot_id' }) lotId!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('integer') quantity!: number;
}

/** The shared columns of an event's lot lines. */
export function lotLineFacts(event: { id: string; payload: { allocationId: string; lines: LotQuantity[] } }, generation: number): LotLineFact[] {
  const { allocationId, lines } = event.payload;
  return lines.map((line, i) => ({
    generation, eventId: event.id, lineNo: i + 1, allocationId, lotId: line.lotId, pledgeId: line.pledgeId, itemCode: line.itemCode, quantity: line.quantity,
  }));
}
