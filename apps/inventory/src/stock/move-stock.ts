import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { MovementKind, StockMovement } from './stock-movement.entity';

export interface LotChange {
  lotId: string;
  quantity: number;
}

/** How each movement changes a lot, per unit moved. */
const EFFECT: Record<Exclude<MovementKind, 'received'>, { onHand: number; reserved: number }> = {
  reserved: { onHand: 0, reserved: 1 },
  released: { onHand: 0, reserved: -1 },
  delivered: { onHand: -1, reserved: -1 },
};

/**
 * Applies one kind of movement to several lots in one UPDATE and writes their ledger rows. The
 * increments are relative, so they compose with other transactions; the CHECK constraint refuses any
 * that would leave reserved below zero or above on hand.
 */
export async function moveStock(
  manager: EntityManager,
  kind: Exclude<MovementKind, 'received'>,
  changes: LotChange[],
  why: { allocationId: string; actor: string; reason?: string | null; at: Date },
): Promise<void> {
  if (changes.length === 0) return;
  const effect = EFFECT[kind];
  await manager.query(
    `UPDATE stock_lots l SET on_hand = l.on_hand + v.on_hand_delta, reserved = l.reserved + v.reserved_delta
       FROM unnest($1::uuid[], $2::int[], $3::int[]) AS v (id, on_hand_delta, reserved_delta)
      WHERE l.id = v.id`,
    [changes.map((c) => c.lotId), changes.map((c) => c.quantity * effect.onHand), changes.map((c) => c.quantity * effect.reserved)],
  );
  await manager.insert(
    StockMovement,
    changes.map((c) => ({
      id: randomUUID(),
      lotId: c.lotId,
      kind,
      onHandDelta: c.quantity * effect.onHand,
      reservedDelta: c.quantity * effect.reserved,
      receiptId: null,
      allocationId: why.allocationId,
      reason: why.reason ?? null,
      actor: why.actor,
      occurredAt: why.at,
    })),
  );
}
