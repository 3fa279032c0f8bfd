import { randomUUID } from 'node:crypto';
import { AllocationConfirmedV1, AllocationRequestedV1, PledgeRecordedV1 } from '@giftflow/contracts';
import { PublishedEvent, ServiceTestKit, startServiceTestKit, waitFor } from '@giftflow/testing';
import { InventoryModule } from '../src/inventory.module';

export type { PublishedEvent };

/**
 * The inventory app on a fresh test database and topic prefix, with what its tests need: a producer for
 * input events (as donors and beneficiaries would publish them), the database for asserting state, and
 * readers for the events inventory published.
 */
export class InventoryTestKit extends ServiceTestKit {
  /** `database` must be giftflow_test_inventory_<file>; DONORS_URL points at a closed port unless given. */
  static async start(database: string, env: Record<string, string> = {}): Promise<InventoryTestKit> {
    return new InventoryTestKit(await startServiceTestKit('inventory', InventoryModule, database, { DONORS_URL: 'http://127.0.0.1:1', ...env }));
  }

  /** Seeds the local copy: publishes PledgeRecorded and waits until inventory has it. */
  async recordPledge(lines: { itemCode: string; quantity: number; unitValueVnd: number | null }[]): Promise<string> {
    const pledgeId = randomUUID();
    await this.publish(PledgeRecordedV1, pledgeId, { pledgeId, donorId: randomUUID(), donorKind: 'military', campaignId: null, lines });
    await waitFor(`pledge ${pledgeId} in the local copy`, async () => (await this.db.query('SELECT 1 FROM known_pledges WHERE pledge_id = $1', [pledgeId])).length > 0);
    return pledgeId;
  }

  /** Registers an item and a warehouse (unless already there), pledges `quantity` of the item and receives it all. */
  async stockUp(opts: { itemCode: string; warehouseCode: string; quantity: number; category?: string; expiresOn?: string; receivedOn?: string }): Promise<{ pledgeId: string; lotId: string }> {
    await this.api().post('/items').send({ code: opts.itemCode, name: opts.itemCode, category: opts.category ?? 'bicycles', unit: 'piece', unitValueVnd: 1_800_000 });
    await this.api().post('/warehouses').send({ code: opts.warehouseCode, name: opts.warehouseCode, districtCode: 'D941' });
    const pledgeId = await this.recordPledge([{ itemCode: opts.itemCode, quantity: opts.quantity, unitValueVnd: null }]);
    const { body } = await this.api().post('/receipts')
      .send({ pledgeId, warehouseCode: opts.warehouseCode, receivedOn: opts.receivedOn, lines: [{ itemCode: opts.itemCode, quantity: opts.quantity, expiresOn: opts.expiresOn }] })
      .expect(201);
    return { pledgeId, lotId: body.lines[0].lotId };
  }

  /** Publishes AllocationRequested as beneficiaries would; returns the allocation id. */
  async requestAllocation(
    lines: { itemCode: string; quantity: number }[], warehouseCode: string | null = null, times = 1,
    more: { allocationId?: string; beneficiaryId?: string; attempt?: number; allocatedOn?: string; campaignId?: string } = {},
  ): Promise<string> {
    const { allocationId = randomUUID(), beneficiaryId = randomUUID(), campaignId = null, ...optional } = more;
    await this.publish(AllocationRequestedV1, allocationId, {
      allocationId, beneficiaryId, beneficiaryKind: 'child', districtCode: 'D941', campaignId, warehouseCode, lines, ...optional,
    }, times);
    return allocationId;
  }

  /** Publishes AllocationConfirmed for a reserved allocation, as beneficiaries would after StockReserved. */
  async confirmAllocation(allocationId: string): Promise<void> {
    const [d] = await this.db.query('SELECT beneficiary_id, beneficiary_kind, district_code FROM deliveries WHERE allocation_id = $1', [allocationId]);
    const lines: { itemCode: string; quantity: number }[] = await this.db.query(
      `SELECT item_code AS "itemCode", sum(quantity)::int AS quantity FROM (
         SELECT l.item_code, r.quantity FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
           JOIN deliveries d ON d.allocation_id = r.allocation_id AND d.attempt = r.attempt WHERE r.allocation_id = $1
         UNION ALL SELECT item_code, quantity FROM delivery_service_lines WHERE allocation_id = $1) x GROUP BY item_code`,
      [allocationId],
    );
    await this.publish(AllocationConfirmedV1, allocationId, {
      allocationId, beneficiaryId: d.beneficiary_id, beneficiaryKind: d.beneficiary_kind, districtCode: d.district_code, lines,
    });
  }

  /** Waits until these deliveries all have this status. */
  waitForDeliveryStatus(allocationIds: string[], status: string): Promise<unknown> {
    return waitFor(`${allocationIds.length} deliveries ${status}`, async () => {
      const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM deliveries WHERE allocation_id = ANY($1) AND status = $2', [allocationIds, status]);
      return n === allocationIds.length;
    });
  }

  /** How many messages were dead-lettered from beneficiaries.events: a handler that kept failing. */
  deadLettered(): Promise<number> {
    return this.deadLetterCount('beneficiaries');
  }

  async stock(itemCode: string, warehouseCode: string): Promise<{ onHand: number; reserved: number; available: number }> {
    const { body } = await this.api().get(`/stock?itemCode=${itemCode}&warehouseCode=${warehouseCode}`).expect(200);
    expect(body).toHaveLength(1);
    return body[0];
  }

  /** Events inventory committed to its outbox, oldest first (optionally of one type). */
  outbox<P = Record<string, unknown>>(type?: string): Promise<PublishedEvent<P>[]> {
    return this.outboxEvents<P>({ types: type ? [type] : undefined });
  }
}
