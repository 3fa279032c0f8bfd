/** What is there of an item at one place: the figures every stock refusal names. */
export interface StockFigures {
  available: number;
  onHand: number;
  reserved: number;
  /** Units on hand and unreserved but past their expiry (only reservations leave them out). */
  expired?: number;
}

/**
 * Every stock refusal names what is short in one form, e.g.
 * `cannot remove 5 × BIKE from WH-1: 3 available (10 on hand, 7 reserved)`.
 */
export function shortageMessage(verb: 'remove' | 'reserve' | 'transfer' | 'correct', quantity: number, itemCode: string, where: string, f: StockFigures): string {
  const expired = f.expired ? `, ${f.expired} expired` : '';
  return `cannot ${verb} ${quantity} × ${itemCode} from ${where}: ${f.available} available (${f.onHand} on hand, ${f.reserved} reserved${expired})`;
}
