import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { GoodsReceivedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { Item } from '../../catalogue/item.entity';
import { Warehouse } from '../../catalogue/warehouse.entity';
import { DonorsPledgesClient } from '../../pledges/donors-pledges.client';
import { PledgeTerms, localPledgeTerms } from '../../pledges/pledge-terms';
import { fundDateOf } from '../../stock/fund-dates';
import { receiveIntoNewLots } from '../../stock/stock-ledger';
import { Receipt } from '../receipt.entity';
import { ReceiptView, loadReceipt } from '../receipt.view';
import { ReceiveGoodsDto } from './receive-goods.dto';

/**
 * Goods arrive against a pledge, or as a walk-in donation (inventory makes the pledgeId; donors learns of it
 * from GoodsReceived with walkIn): each line becomes a stock lot filled through the ledger writer, with
 * GoodsReceived, in one transaction. Anything wrong with the request writes and publishes nothing. The answer is
 * stored under its Idempotency-Key in that transaction (answerOnce): a retry answers the first receipt.
 */
@Injectable()
export class ReceiveGoodsHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly donors: DonorsPledgesClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(body: ReceiveGoodsDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<ReceiptView>> {
    if (body.pledgeId && body.donorId) throw new UnprocessableEntityException('give pledgeId, or donorId for a walk-in donation, not both');
    if (body.pledgeId && body.campaignId) throw new UnprocessableEntityException('campaignId is for walk-in donations; a pledge has its own campaign');
    const receivedOn = this.checkDates(body);
    const pledgeId = body.pledgeId;
    // Donors is asked (outside the transaction) only when PledgeRecorded has not reached the local copy yet.
    const fromDonors = pledgeId && !(await localPledgeTerms(this.dataSource.manager, pledgeId)) ? await this.donors.find(pledgeId) : null;
    // Requests with one Idempotency-Key take turns on the key (claimed before the pledge lock, so no deadlock).
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      let pledge: PledgeTerms;
      if (pledgeId) {
        // One receipt per pledge at a time, so two receipts cannot both take the last outstanding units.
        await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`receipt:${pledgeId}`]);
        const known = (await localPledgeTerms(m, pledgeId)) ?? fromDonors;
        if (!known) throw new UnprocessableEntityException(`pledge ${pledgeId} not found`);
        if (known.status === 'cancelled') throw new ConflictException(`pledge ${pledgeId} is cancelled`);
        pledge = known;
      } else {
        pledge = { pledgeId: randomUUID(), status: 'pledged', donorId: body.donorId!, campaignId: body.campaignId ?? null, lines: [] };
      }
      if (!(await m.existsBy(Warehouse, { code: body.warehouseCode }))) throw new UnprocessableEntityException(`warehouse ${body.warehouseCode} not found`);
      const unitValues = await this.checkLines(m, pledge, body);

      const receipt: Receipt = {
        id: randomUUID(), pledgeId: pledge.pledgeId, warehouseCode: body.warehouseCode, actor, receivedAt: new Date(), receivedOn,
        donorId: pledge.donorId, campaignId: pledge.campaignId, walkIn: !pledgeId,
      };
      await m.insert(Receipt, receipt);
      const lots = body.lines.map((line, i) => ({
        id: randomUUID(), itemCode: line.itemCode, warehouseCode: body.warehouseCode, pledgeId: pledge.pledgeId, donorId: pledge.donorId,
        receiptId: receipt.id, receiptLine: i + 1, sourceLotId: null, origin: 'receipt' as const, expiresOn: line.expiresOn ?? null,
        unitValueVnd: unitValues.get(line.itemCode)!, receivedQty: line.quantity, receivedAt: receipt.receivedAt,
      }));
      await receiveIntoNewLots(m, lots, 'received', { actor, at: receipt.receivedAt, reference: receipt.id, receiptId: receipt.id });
      tx.publish(GoodsReceivedV1, receipt.id, {
        receiptId: receipt.id, pledgeId: receipt.pledgeId, warehouseCode: receipt.warehouseCode,
        lines: lots.map((l) => ({ lotId: l.id, itemCode: l.itemCode, quantity: l.receivedQty, expiresOn: l.expiresOn, unitValueVnd: l.unitValueVnd })),
        receivedOn,
        ...(receipt.donorId ? { donorId: receipt.donorId } : {}),
        campaignId: receipt.campaignId,
        ...(receipt.walkIn ? { walkIn: true } : {}),
      });
      return loadReceipt(m, receipt.id);
    }));
  }

  /** The receipt's business date: never in the future (422), default today; no lot may expire before it (422). */
  private checkDates(body: ReceiveGoodsDto): string {
    const today = fundDateOf(new Date());
    const receivedOn = body.receivedOn ?? today;
    if (receivedOn > today) throw new UnprocessableEntityException(`receivedOn ${receivedOn} is in the future (today is ${today})`);
    for (const [i, line] of body.lines.entries()) {
      if (line.expiresOn && line.expiresOn < receivedOn) {
        throw new UnprocessableEntityException(`lines.${i}: ${line.itemCode} expiring on ${line.expiresOn} cannot be received on ${receivedOn}`);
      }
    }
    return receivedOn;
  }

  /**
   * 422 for an unknown item, a service (not stocked), a perishable without expiry, one not on the pledge, or more than
   * is outstanding; returns each item's unit value (the donor's own valuation when the pledge gave one, else the catalogue's).
   */
  private async checkLines(m: EntityManager, pledge: PledgeTerms, body: ReceiveGoodsDto): Promise<Map<string, number>> {
    const asked = new Map<string, number>();
    for (const line of body.lines) asked.set(line.itemCode, (asked.get(line.itemCode) ?? 0) + line.quantity);
    const items = new Map((await m.findBy(Item, { code: In([...asked.keys()]) })).map((i) => [i.code, i]));
    const receivedRows: { item_code: string; received: string }[] = await m.query(
      'SELECT item_code, sum(received_qty)::bigint AS received FROM stock_lots WHERE pledge_id = $1 AND origin = $2 GROUP BY item_code',
      [pledge.pledgeId, 'receipt'],
    );
    const received = new Map(receivedRows.map((r) => [r.item_code, Number(r.received)]));
    const walkIn = !body.pledgeId;
    const unitValues = new Map<string, number>();
    for (const [itemCode, quantity] of asked) {
      const item = items.get(itemCode);
      if (!item) throw new UnprocessableEntityException(`item ${itemCode} not found`);
      if (!item.stocked) throw new UnprocessableEntityException(`item ${itemCode} is a service: it is delivered, never received into stock`);
      if (item.perishable && body.lines.some((l) => l.itemCode === itemCode && !l.expiresOn)) {
        throw new UnprocessableEntityException(`item ${itemCode} is perishable: every line needs expiresOn`);
      }
      if (walkIn) {
        unitValues.set(itemCode, item.unitValueVnd);
        continue;
      }
      const pledged = pledge.lines.filter((l) => l.itemCode === itemCode);
      if (pledged.length === 0) throw new UnprocessableEntityException(`item ${itemCode} is not on pledge ${pledge.pledgeId}`);
      const outstanding = pledged.reduce((sum, l) => sum + l.quantity, 0) - (received.get(itemCode) ?? 0);
      if (quantity > outstanding) {
        throw new UnprocessableEntityException(`only ${Math.max(outstanding, 0)} ${itemCode} outstanding on pledge ${pledge.pledgeId}, not ${quantity}`);
      }
      unitValues.set(itemCode, pledged.find((l) => l.unitValueVnd !== null)?.unitValueVnd ?? item.unitValueVnd);
    }
    return unitValues;
  }
}
