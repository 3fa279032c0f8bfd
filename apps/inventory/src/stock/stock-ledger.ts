import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { StockLot } from './stock-lot.entity';
import { MovementKind, StockMovement } from './stock-movement.entity';

/** One change to one lot. Deltas are signed; the CHECK on stock_lots refuses reserved < 0 or reserved > on hand. */
export interface LedgerEntry {
  lotId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
}

/** Why the entries happened: who, when, and what they refer to (a receipt, allocation, adjustment, transfer…). */
export interface LedgerCause {
  actor: string;
  at: Date;
  reference: string;
  receiptId?: string | null;
  allocationId?: string | null;
  reason?: string | null;
}

/** How the saga's movements change a lot, per unit moved. */
const SAGA_EFFECT = {
  reserved: { onHand: 0, reserved: 1 },
  released: { onHand: 0, reserved: -1 },
  delivered: { onHand: -1, reserved: -1 },
} as const;

/**
 * THE stock ledger writer: every change to stock goes through here (receipts, reservations, deliveries,
 * adjustments, transfers, returns, stock-take corrections). It applies the deltas to the lots in one
 * relative UPDATE (so it composes with concurrent transactions; rows stay locked until commit) and
 * appends one ledger row per entry. The ledger is append-only in the database.
 */
export async function writeLedger(manager: EntityManager, entries: LedgerEntry[], cause: LedgerCause): Promise<void> {
  const moving = entries.filter((e) => e.onHandDelta !== 0 || e.reservedDelta !== 0);
  if (moving.length === 0) return;
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [lots]: [{ id: string; item_code: string; warehouse_code: string }[], number] = await manager.query(
    `UPDATE stock_lots l SET on_hand = l.on_hand + v.on_hand_delta, reserved = l.reserved + v.reserved_delta
       FROM (SELECT id, sum(on_hand_delta)::int AS on_hand_delta, sum(reserved_delta)::int AS reserved_delta
               FROM unnest($1::uuid[], $2::int[], $3::int[]) AS x (id, on_hand_delta, reserved_delta) GROUP BY id) v
      WHERE l.id = v.id
      RETURNING l.id, l.item_code, l.warehouse_code`,
    [moving.map((e) => e.lotId), moving.map((e) => e.onHandDelta), moving.map((e) => e.reservedDelta)],
  );
  const where = new Map(lots.map((l) => [l.id, l]));
  await manager.insert(
    StockMovement,
    moving.map((e) => {
      const lot = where.get(e.lotId);
      if (!lot) throw new Error(`stock ledger: lot ${e.lotId} does not exist`);
      return {
        id: randomUUID(), lotId: e.lotId, kind: e.kind, onHandDelta: e.onHandDelta, reservedDelta: e.reservedDelta,
        receiptId: cause.receiptId ?? null, allocationId: cause.allocationId ?? null, reason: cause.reason ?? null,
        reference: cause.reference, itemCode: lot.item_code, warehouseCode: lot.warehouse_code, actor: cause.actor, occurredAt: cause.at,
      };
    }),
  );
}

/** New lots (a receipt's lines, a transfer's arrivals, restocked returns): created empty, then filled through the ledger. */
export async function receiveIntoNewLots(
  manager: EntityManager,
  lots: Omit<StockLot, 'onHand' | 'reserved'>[],
  kind: Extract<MovementKind, 'received' | 'transfer_in' | 'returned'>,
  cause: LedgerCause,
): Promise<void> {
  if (lots.length === 0) return;
  await manager.insert(StockLot, lots.map((lot) => ({ ...lot, onHand: 0, reserved: 0 })));
  await writeLedger(manager, lots.map((lot) => ({ lotId: lot.id, kind, onHandDelta: lot.receivedQty, reservedDelta: 0 })), cause);
}

/** Reserve, release or deliver these lot quantities for an allocation. */
export function moveForAllocation(
  manager: EntityManager,
  kind: keyof typeof SAGA_EFFECT,
  changes: { lotId: string; quantity: number }[],
  cause: Omit<LedgerCause, 'reference'> & { allocationId: string },
): Promise<void> {
  const effect = SAGA_EFFECT[kind];
  return writeLedger(
    manager,
    changes.map((c) => ({ lotId: c.lotId, kind, onHandDelta: c.quantity * effect.onHand, reservedDelta: c.quantity * effect.reserved })),
    { ...cause, reference: cause.allocationId },
  );
}
