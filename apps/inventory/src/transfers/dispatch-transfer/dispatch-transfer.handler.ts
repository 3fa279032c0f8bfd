import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LotQuantity, TransferDispatchedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { shortageMessage } from '../../stock/shortage';
import { writeLedger } from '../../stock/stock-ledger';
import { TransferView, findTransfer } from '../transfer.view';
import { DispatchTransferDto } from './dispatch-transfer.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/** Step 1 of a transfer: the stock leaves the sender (transfer_out through the ledger) and is in transit to the receiver. */
@Injectable()
export class DispatchTransferHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: DispatchTransferDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<TransferView>> {
    const { fromWarehouseCode: from, toWarehouseCode: to } = body;
    if (from === to) throw new UnprocessableEntityException(`a transfer goes from one warehouse to another, not from ${from} to itself`);
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      for (const code of [from, to]) {
        if (!(await m.query('SELECT 1 FROM warehouses WHERE code = $1', [code])).length) throw new UnprocessableEntityException(`warehouse ${code} not found`);
      }
      const id = randomUUID();
      const picks: LotQuantity[] = [];
      for (const line of body.lines) {
        const lots: { id: string; pledge_id: string; on_hand: number; reserved: number; unit_value_vnd: string }[] = await m.query(
          `SELECT id, pledge_id, on_hand, reserved, unit_value_vnd FROM stock_lots
            WHERE item_code = $1 AND warehouse_code = $2 AND ($3::uuid IS NULL OR id = $3)
            ORDER BY expires_on ASC NULLS LAST, received_at, id FOR UPDATE`,
          [line.itemCode, from, line.lotId ?? null],
        );
        const already = (lotId: string) => picks.filter((p) => p.lotId === lotId).reduce((s, p) => s + p.quantity, 0);
        const onHand = lots.reduce((s, l) => s + l.on_hand - already(l.id), 0);
        const reserved = lots.reduce((s, l) => s + l.reserved, 0);
        const where = line.lotId ? `lot ${line.lotId} in ${from}` : from;
        if (onHand - reserved < line.quantity) {
          throw new UnprocessableEntityException(shortageMessage('transfer', line.quantity, line.itemCode, where, { available: onHand - reserved, onHand, reserved }));
        }
        let left = line.quantity;
        for (const lot of lots) {
          const take = Math.min(left, lot.on_hand - already(lot.id) - lot.reserved);
          if (take > 0) picks.push({ lotId: lot.id, pledgeId: lot.pledge_id, itemCode: line.itemCode, warehouseCode: from, quantity: take, unitValueVnd: Number(lot.unit_value_vnd) });
          left -= Math.max(take, 0);
          if (left === 0) break;
        }
      }
      await m.query("INSERT INTO transfers (id, from_warehouse_code, to_warehouse_code, status, actor, dispatched_at) VALUES ($1, $2, $3, 'in_transit', $4, now())", [id, from, to, actor]);
      await m.query(
        `INSERT INTO transfer_lines (transfer_id, line_no, source_lot_id, item_code, quantity)
         SELECT $1, n, lot, item, q FROM unnest($2::uuid[], $3::text[], $4::int[]) WITH ORDINALITY AS x (lot, item, q, n)`,
        [id, picks.map((p) => p.lotId), picks.map((p) => p.itemCode), picks.map((p) => p.quantity)],
      );
      await writeLedger(m, picks.map((p) => ({ lotId: p.lotId, kind: 'transfer_out' as const, onHandDelta: -p.quantity, reservedDelta: 0 })), { actor, at: new Date(), reference: id });
      tx.publish(TransferDispatchedV1, id, { transferId: id, fromWarehouseCode: from, toWarehouseCode: to, lines: picks });
      return (await findTransfer(m, id))!;
    }));
  }
}
