import { LotQuantity } from '@giftflow/contracts';

/** A lot that may be reserved from, as locked by the reservation (already in pick order). */
export interface CandidateLot {
  lotId: string;
  pledgeId: string;
  itemCode: string;
  warehouseCode: string;
  unitValueVnd: number;
  available: number;
}

export interface Shortage {
  itemCode: string;
  requested: number;
  available: number;
}

export type ReservationPlan = { ok: true; picks: LotQuantity[] } | { ok: false; shortages: Shortage[] };

/**
 * All or nothing: takes each item's quantity from its lots in the order given (first-expiring, then
 * oldest), or, when any item cannot be fully covered, reports every item that falls short.
 */
export function planReservation(lines: { itemCode: string; quantity: number }[], lots: CandidateLot[]): ReservationPlan {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.itemCode, (wanted.get(line.itemCode) ?? 0) + line.quantity);
  const picks: LotQuantity[] = [];
  const shortages: Shortage[] = [];
  for (const [itemCode, requested] of wanted) {
    const own = lots.filter((l) => l.itemCode === itemCode && l.available > 0);
    const available = own.reduce((sum, l) => sum + l.available, 0);
    if (available < requested) {
      shortages.push({ itemCode, requested, available });
      continue;
    }
    let left = requested;
    for (const lot of own) {
      if (left === 0) break;
      const quantity = Math.min(left, lot.available);
      picks.push({ lotId: lot.lotId, pledgeId: lot.pledgeId, itemCode, warehouseCode: lot.warehouseCode, quantity, unitValueVnd: lot.unitValueVnd });
      left -= quantity;
    }
  }
  return shortages.length > 0 ? { ok: false, shortages } : { ok: true, picks };
}
