import { EventOf, GoodsReceivedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { fundDateOf } from '@giftflow/platform';
import { Campaign } from '../../campaigns/campaign.entity';
import { Donor } from '../../donors/donor.entity';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { linesOf } from '../pledge-view';

/**
 * A walk-in donation: goods received with no pledge recorded first. Inventory made up the pledgeId; donors
 * shows it as a received pledge of that donor (walkIn: true), pledged = received, dated by the receipt's
 * business date. Another walk-in receipt for the same pledgeId adds to it. Nothing is published: the receipt
 * is the record (there was no promise). The consumer's inbox makes a redelivered event a no-op.
 *
 * Receipts are keyed by receipt id, so two walk-in receipts for one pledgeId may be handled at once (in two
 * partitions): the pledge row is inserted ON CONFLICT DO NOTHING, and the one that finds it made meanwhile waits
 * for it, then locks it and adds its lines, as it would to any existing walk-in pledge (never a unique violation).
 */
export async function recordWalkInPledge(tx: OutboxTransaction, event: EventOf<typeof GoodsReceivedV1>): Promise<void> {
  const { pledgeId, donorId, campaignId, lines: received, receivedOn } = event.payload;
  const added = new Map<string, { quantity: number; unitValueVnd: number }>();
  for (const l of received) added.set(l.itemCode, { quantity: (added.get(l.itemCode)?.quantity ?? 0) + l.quantity, unitValueVnd: l.unitValueVnd });

  const lockPledge = () => tx.manager.findOne(Pledge, { where: { id: pledgeId }, lock: { mode: 'pessimistic_write' } });
  let existing = await lockPledge();
  if (!existing) {
    if (!donorId) throw new Error(`walk-in ${event.type} ${event.id} names no donorId; donors cannot show pledge ${pledgeId}`);
    if (!(await tx.manager.existsBy(Donor, { id: donorId }))) throw new Error(`walk-in ${event.type} ${event.id} is from donor ${donorId}, whom donors never registered`);
    if (campaignId && !(await tx.manager.existsBy(Campaign, { id: campaignId }))) {
      throw new Error(`walk-in ${event.type} ${event.id} is for campaign ${campaignId}, which donors never opened`);
    }
    const now = new Date();
    const created = await tx.manager.createQueryBuilder().insert().into(Pledge).values({
      id: pledgeId, donorId, campaignId: campaignId ?? null, status: 'received',
      pledgedOn: receivedOn ?? fundDateOf(new Date(event.occurredAt)), expectedOn: null, walkIn: true,
      cancelReason: null, closeReason: null, createdAt: now, updatedAt: now,
    }).orIgnore().returning(['id']).execute();
    if ((created.raw as unknown[]).length === 0) {
      // Another walk-in receipt for this pledge made it meanwhile (the INSERT waited for it to commit): add to it.
      existing = await lockPledge();
      if (!existing) throw new Error(`walk-in ${event.type} ${event.id}: pledge ${pledgeId} was neither found nor created`);
    }
  }
  const lines = existing ? await linesOf(tx.manager, pledgeId) : [];
  let lineNo = Math.max(0, ...lines.map((l) => l.lineNo));
  for (const [itemCode, { quantity, unitValueVnd }] of added) {
    const line = lines.find((l) => l.itemCode === itemCode);
    if (line) {
      await tx.manager.update(PledgeLine, { pledgeId, lineNo: line.lineNo }, { pledged: line.pledged + quantity, received: line.received + quantity });
    } else {
      await tx.manager.insert(PledgeLine, { pledgeId, lineNo: ++lineNo, itemCode, unitValueVnd, pledged: quantity, received: quantity, delivered: 0 });
    }
  }
  if (existing) await tx.manager.update(Pledge, { id: pledgeId }, { updatedAt: new Date() });
}
