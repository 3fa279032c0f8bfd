import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { GoodsReceivedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Item } from '../../catalogue/item.entity';
import { Warehouse } from '../../catalogue/warehouse.entity';
import { DonorsPledgesClient } from '../../pledges/donors-pledges.client';
import { PledgeTerms, localPledgeTerms } from '../../pledges/pledge-terms';
import { StockLot } from '../../stock/stock-lot.entity';
import { StockMovement } from '../../stock/stock-movement.entity';
import { Receipt } from '../receipt.entity';
import { ReceiptView, loadReceipt } from '../receipt.view';
import { ReceiveGoodsDto } from './receive-goods.dto';

/**
 * Goods arrive against a pledge: each line becomes a stock lot, written with its ledger row and
 * GoodsReceived in one transaction. Anything wrong with the request writes and publishes nothing.
 */
@Injectable()
export class ReceiveGoodsHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly donors: DonorsPledgesClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(body: ReceiveGoodsDto, actor: string, idempotencyKey: string | null): Promise<ReceiptView> {
    // Donors is asked (outside the transaction) only when PledgeRecorded has not reached the local copy yet.
    const known = await localPledgeTerms(this.dataSource.manager, body.pledgeId);
    const fromDonors = known ? null : await this.donors.find(body.pledgeId);
    return this.uow.run({ actor }, async (tx) => {
      const m = tx.manager;
      // Requests with one Idempotency-Key take turns (before the pledge lock, so no deadlock): a retry finds the first.
      const earlier = await createdEarlier(m, Receipt, idempotencyKey);
      if (earlier?.pledgeId === body.pledgeId) return loadReceipt(m, earlier.id);
      if (earlier) throw new UnprocessableEntityException(`Idempotency-Key ${idempotencyKey} was used for a receipt of another pledge`);
      // One receipt per pledge at a time, so two receipts cannot both take the last outstanding units.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`receipt:${body.pledgeId}`]);
      const pledge = (await localPledgeTerms(m, body.pledgeId)) ?? fromDonors;
      if (!pledge) throw new UnprocessableEntityException(`pledge ${body.pledgeId} not found`);
      if (pledge.status === 'cancelled') throw new ConflictException(`pledge ${body.pledgeId} is cancelled`);
      if (!(await m.existsBy(Warehouse, { code: body.warehouseCode }))) throw new UnprocessableEntityException(`warehouse ${body.warehouseCode} not found`);
      const unitValues = await this.checkLines(m, pledge, body);

      const receipt: Receipt = { id: randomUUID(), pledgeId: pledge.pledgeId, warehouseCode: body.warehouseCode, idempotencyKey, actor, receivedAt: new Date() };
      await m.insert(Receipt, receipt);
      const lots: StockLot[] = body.lines.map((line, i) => ({
        id: randomUUID(), itemCode: line.itemCode, warehouseCode: body.warehouseCode, pledgeId: pledge.pledgeId, receiptId: receipt.id,
        receiptLine: i + 1, expiresOn: line.expiresOn ?? null, unitValueVnd: unitValues.get(line.itemCode)!,
        receivedQty: line.quantity, onHand: line.quantity, reserved: 0, receivedAt: receipt.receivedAt,
      }));
      await m.insert(StockLot, lots);
      await m.insert(StockMovement, lots.map((lot) => ({
        id: randomUUID(), lotId: lot.id, kind: 'received' as const, onHandDelta: lot.onHand, reservedDelta: 0, receiptId: receipt.id,
        allocationId: null, reason: null, actor, occurredAt: receipt.receivedAt,
      })));
      tx.publish(GoodsReceivedV1, receipt.id, {
        receiptId: receipt.id, pledgeId: receipt.pledgeId, warehouseCode: receipt.warehouseCode,
        lines: lots.map((l) => ({ lotId: l.id, itemCode: l.itemCode, quantity: l.receivedQty, expiresOn: l.expiresOn, unitValueVnd: l.unitValueVnd })),
      });
      return loadReceipt(m, receipt.id);
    });
  }

  /** 422 for an unknown item, one not on the pledge, or more than is outstanding; returns each item's unit value. */
  private async checkLines(m: EntityManager, pledge: PledgeTerms, body: ReceiveGoodsDto): Promise<Map<string, number>> {
    const asked = new Map<string, number>();
    for (const line of body.lines) asked.set(line.itemCode, (asked.get(line.itemCode) ?? 0) + line.quantity);
    const items = new Map((await m.findBy(Item, { code: In([...asked.keys()]) })).map((i) => [i.code, i]));
    const receivedRows: { item_code: string; received: number }[] = await m.query(
      'SELECT item_code, sum(received_qty)::int AS received FROM stock_lots WHERE pledge_id = $1 GROUP BY item_code',
      [pledge.pledgeId],
    );
    const received = new Map(receivedRows.map((r) => [r.item_code, r.received]));
    const unitValues = new Map<string, number>();
    for (const [itemCode, quantity] of asked) {
      const item = items.get(itemCode);
      if (!item) throw new UnprocessableEntityException(`item ${itemCode} not found`);
      const pledged = pledge.lines.filter((l) => l.itemCode === itemCode);
      if (pledged.length === 0) throw new UnprocessableEntityException(`item ${itemCode} is not on pledge ${pledge.pledgeId}`);
      const outstanding = pledged.reduce((sum, l) => sum + l.quantity, 0) - (received.get(itemCode) ?? 0);
      if (quantity > outstanding) {
        throw new UnprocessableEntityException(`only ${Math.max(outstanding, 0)} ${itemCode} outstanding on pledge ${pledge.pledgeId}, not ${quantity}`);
      }
      // The donor's own valuation when the pledge gave one, else the catalogue's.
      unitValues.set(itemCode, pledged.find((l) => l.unitValueVnd !== null)?.unitValueVnd ?? item.unitValueVnd);
    }
    return unitValues;
  }
}
