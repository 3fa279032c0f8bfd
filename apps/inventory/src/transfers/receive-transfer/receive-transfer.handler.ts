import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransferReceivedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { AdjustStockHandler } from '../../adjustments/adjust-stock/adjust-stock.handler';
import { receiveIntoNewLots } from '../../stock/stock-ledger';
import { TransferView, findTransfer } from '../transfer.view';
import { ReceiveTransferDto } from './receive-transfer.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

interface SentLine {
  line_no: number;
  source_lot_id: string;
  item_code: string;
  quantity: number;
  pledge_id: string;
  donor_id: string | null;
  expires_on: string | null;
  unit_value_vnd: string;
}

/**
 * Step 2: the receiver gets new lots that keep their pledge, donor and expiry (transfer_in through the ledger);
 * what did not arrive is written off from them at once as an adjustment (lost), so the ledger shows both.
 */
@Injectable()
export class ReceiveTransferHandler {
  constructor(private readonly uow: UnitOfWork, private readonly adjust: AdjustStockHandler) {}

  execute(id: string, body: ReceiveTransferDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<TransferView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      const [transfer] = await m.query('SELECT id, status, to_warehouse_code FROM transfers WHERE id = $1 FOR UPDATE', [id]);
      if (!transfer) throw new NotFoundException(`transfer ${id} not found`);
      if (transfer.status !== 'in_transit') throw new ConflictException(`transfer ${id} was already received`);
      const sent: SentLine[] = await m.query(
        `SELECT tl.line_no, tl.source_lot_id, tl.item_code, tl.quantity, l.pledge_id, l.donor_id, l.expires_on::text AS expires_on, l.unit_value_vnd
           FROM transfer_lines tl JOIN stock_lots l ON l.id = tl.source_lot_id WHERE tl.transfer_id = $1 ORDER BY tl.line_no`,
        [id],
      );
      const sentPerItem = new Map<string, number>();
      for (const s of sent) sentPerItem.set(s.item_code, (sentPerItem.get(s.item_code) ?? 0) + s.quantity);
      const arrived = new Map<string, number>(body.lines ? [...sentPerItem.keys()].map((k) => [k, 0]) : sentPerItem);
      for (const line of body.lines ?? []) {
        if (!sentPerItem.has(line.itemCode)) throw new UnprocessableEntityException(`transfer ${id} carries no ${line.itemCode}`);
        arrived.set(line.itemCode, arrived.get(line.itemCode)! + line.quantity);
      }
      for (const [itemCode, quantity] of arrived) {
        if (quantity > sentPerItem.get(itemCode)!) throw new UnprocessableEntityException(`${quantity} × ${itemCode} received, but transfer ${id} sent ${sentPerItem.get(itemCode)}`);
      }
      const at = new Date();
      const lots = sent.map((s) => {
        const got = Math.min(arrived.get(s.item_code)!, s.quantity);
        arrived.set(s.item_code, arrived.get(s.item_code)! - got);
        return {
          got, line: s,
          lot: {
            id: randomUUID(), itemCode: s.item_code, warehouseCode: transfer.to_warehouse_code, pledgeId: s.pledge_id, donorId: s.donor_id, receiptId: null,
            receiptLine: null, sourceLotId: s.source_lot_id, origin: 'transfer' as const, expiresOn: s.expires_on, unitValueVnd: Number(s.unit_value_vnd),
            receivedQty: s.quantity, receivedAt: at,
          },
        };
      });
      await receiveIntoNewLots(m, lots.map((l) => l.lot), 'transfer_in', { actor, at, reference: id });
      for (const { got, line, lot } of lots) {
        await m.query('UPDATE transfer_lines SET received_qty = $3, received_lot_id = $4 WHERE transfer_id = $1 AND line_no = $2', [id, line.line_no, got, lot.id]);
        if (got < line.quantity) {
          await this.adjust.apply(tx, { warehouseCode: lot.warehouseCode, itemCode: lot.itemCode, lotId: lot.id, quantity: got - line.quantity, reason: 'lost', reference: id }, actor);
        }
      }
      await m.query("UPDATE transfers SET status = 'received', received_at = $2 WHERE id = $1", [id, at]);
      tx.publish(TransferReceivedV1, id, {
        transferId: id, toWarehouseCode: transfer.to_warehouse_code,
        lines: lots.filter((l) => l.got > 0).map(({ got, lot }) => ({
          lotId: lot.id, sourceLotId: lot.sourceLotId, pledgeId: lot.pledgeId, itemCode: lot.itemCode, quantity: got, unitValueVnd: lot.unitValueVnd, expiresOn: lot.expiresOn,
        })),
      });
      return (await findTransfer(m, id))!;
    }));
  }
}
