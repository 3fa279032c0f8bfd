import { randomUUID } from 'node:crypto';
import {
  AllocationConfirmedV1, AllocationRejectedV1, AllocationRequestedV1, BeneficiariesMergedV1, BeneficiaryRegisteredV1, BeneficiaryUpdatedV1,
  CampaignOpenedV1, DeliveryConfirmedV1, DeliveryConfirmedV2, DeliveryFailedV2, Envelope, GiftReturnedV1, GoodsReceivedV1, ItemRegisteredV1,
  PledgeAmendedV1, PledgeCancelledV1, PledgeRecordedV1, ShipmentDispatchedV1, SponsorshipCancelledV1, SponsorshipEnrolledV1,
  SponsorshipInstalmentPaidV1, StockReleasedV1, StockReservationRejectedV1, StockReservedV1,
} from '@giftflow/contracts';
import { envelopeOf } from '@giftflow/testing';
import { DISTRICTS, ITEMS } from '../../../../seeds/demo-data';

export const LONG_PHU = DISTRICTS.longPhu.code;
export const TRAN_DE = DISTRICTS.tranDe.code;
export const CITY = DISTRICTS.socTrangCity.code;
const WAREHOUSE = 'ST-FUND';
export const SCREENING = { code: 'heart-screening', name: 'Heart disease screening', category: 'health_screening', unit: 'examination', unitValueVnd: 500_000 };

/**
 * A known half-year (2026) of one province, every event as its publisher would write it. What each report must
 * say about it is worked out in province-story.expected.ts. In short:
 * - items: bicycles, backpacks, scholarships, and a heart screening (a service: not stocked);
 * - campaigns: the Month of Action (targets 10 backpacks, 5 bicycles) and a dialogue event;
 * - donor A pledges 5 bicycles and 10 backpacks for the Month of Action (pledgedOn 20 May, recorded 22 May), all
 *   received; donor B pledges 4 backpacks (amended to 6, received) and a bicycle (cancelled);
 * - children C1 (Long Phu), C2 (Tran De, circumstances updated), C3 (Long Phu) and C3's duplicate record, merged
 *   into C3 on 20 June; an orphanage;
 * - allocations A1…A10: deliveries in May and June (v1 and v2), a service delivered without a lot, a rejected
 *   allocation, a failed delivery with its stock released, a returned gift, and A7 — delivered on 29 June but
 *   synced on 3 July (`late`, published separately);
 * - sponsorships: C2 by donor A, 500,000 VND a month for 2026, paid January to April; C1 by donor B from March,
 *   cancelled on 10 May, March paid.
 */
export function provinceStory() {
  const id = () => randomUUID();
  const ids = {
    donorA: id(), donorB: id(), monthOfAction: id(), dialogue: id(), p1: id(), p2: id(), p3: id(),
    c1: id(), c2: id(), c3: id(), c3dup: id(), orphanage: id(), l1: id(), l2: id(), l3: id(), s1: id(), s2: id(),
  };
  const at = (occurredAt: string) => ({ occurredAt });
  const events: Envelope[] = [];
  const push = (...e: Envelope[]) => events.push(...e);

  for (const item of [ITEMS.bicycle, ITEMS.backpack, ITEMS.scholarship]) {
    push(envelopeOf(ItemRegisteredV1, item.code, { itemCode: item.code, name: item.name, category: item.category, unit: item.unit, unitValueVnd: item.unitValueVnd }, at('2026-01-01T01:00:00.000Z')));
  }
  push(envelopeOf(ItemRegisteredV1, SCREENING.code, { itemCode: SCREENING.code, name: SCREENING.name, category: SCREENING.category, unit: SCREENING.unit, unitValueVnd: SCREENING.unitValueVnd, stocked: false }, at('2026-01-01T01:00:00.000Z')));

  push(
    envelopeOf(CampaignOpenedV1, ids.monthOfAction, {
      campaignId: ids.monthOfAction, name: 'Tháng hành động vì trẻ em 2026', startsOn: '2026-05-15', endsOn: '2026-06-30', kind: 'month_of_action',
      districtCodes: [LONG_PHU, TRAN_DE], targets: [{ category: 'backpacks', quantity: 10 }, { category: 'bicycles', quantity: 5 }],
    }, at('2026-05-01T01:00:00.000Z')),
    envelopeOf(CampaignOpenedV1, ids.dialogue, {
      campaignId: ids.dialogue, name: 'Dialogue with children 2026', startsOn: '2026-06-01', endsOn: '2026-06-01', kind: 'dialogue',
    }, at('2026-05-02T01:00:00.000Z')),
  );

  // Pledges and receipts.
  push(
    envelopeOf(PledgeRecordedV1, ids.p1, {
      pledgeId: ids.p1, donorId: ids.donorA, donorKind: 'military', campaignId: ids.monthOfAction, pledgedOn: '2026-05-20',
      lines: [{ itemCode: ITEMS.bicycle.code, quantity: 5, unitValueVnd: 1_800_000 }, { itemCode: ITEMS.backpack.code, quantity: 10, unitValueVnd: null }],
    }, at('2026-05-22T03:00:00.000Z')),
    envelopeOf(PledgeRecordedV1, ids.p2, {
      pledgeId: ids.p2, donorId: ids.donorB, donorKind: 'business', campaignId: null, lines: [{ itemCode: ITEMS.backpack.code, quantity: 4, unitValueVnd: 250_000 }],
    }, at('2026-06-03T03:00:00.000Z')),
    envelopeOf(PledgeAmendedV1, ids.p2, { pledgeId: ids.p2, lines: [{ itemCode: ITEMS.backpack.code, quantity: 6, unitValueVnd: 250_000 }] }, at('2026-06-04T03:00:00.000Z')),
    envelopeOf(PledgeRecordedV1, ids.p3, {
      pledgeId: ids.p3, donorId: ids.donorB, donorKind: 'business', campaignId: null, lines: [{ itemCode: ITEMS.bicycle.code, quantity: 1, unitValueVnd: 1_800_000 }],
    }, at('2026-06-05T03:00:00.000Z')),
    envelopeOf(PledgeCancelledV1, ids.p3, { pledgeId: ids.p3, reason: 'donor withdrew' }, at('2026-06-06T03:00:00.000Z')),
    receipt(ids.p1, ids.l1, ITEMS.bicycle.code, 5, 1_800_000, '2026-05-25', null, '2026-05-26T03:00:00.000Z'),
    receipt(ids.p1, ids.l2, ITEMS.backpack.code, 10, 250_000, '2026-06-01', ids.monthOfAction, '2026-06-01T05:00:00.000Z'),
    receipt(ids.p2, ids.l3, ITEMS.backpack.code, 6, 250_000, undefined, null, '2026-06-05T03:00:00.000Z'),
  );

  // Beneficiaries.
  const child = (beneficiaryId: string, districtCode: string, communeCode: string, sex: 'female' | 'male', birthMonth: string, circumstances: ('orphan' | 'poor_household' | 'disabled')[]) =>
    envelopeOf(BeneficiaryRegisteredV1, beneficiaryId, { kind: 'child', beneficiaryId, districtCode, communeCode, sex, birthMonth, circumstances }, at('2026-01-10T01:00:00.000Z'));
  push(
    child(ids.c1, LONG_PHU, '94601', 'female', '2015-03', ['orphan', 'poor_household']),
    child(ids.c2, TRAN_DE, '95101', 'male', '2010-01', ['disabled']),
    child(ids.c3, LONG_PHU, '94602', 'female', '2020-06', ['poor_household']),
    child(ids.c3dup, LONG_PHU, '94602', 'female', '2020-06', ['poor_household']),
    envelopeOf(BeneficiaryRegisteredV1, ids.orphanage, { kind: 'institution', beneficiaryId: ids.orphanage, districtCode: CITY, institutionKind: 'orphanage', residents: 30 }, at('2026-01-10T01:00:00.000Z')),
    envelopeOf(BeneficiaryUpdatedV1, ids.c2, { beneficiaryId: ids.c2, circumstances: ['disabled', 'poor_household'] }, at('2026-02-01T01:00:00.000Z')),
  );

  // Allocations: request → reserve → confirm → dispatch → deliver.
  type Alloc = { allocationId: string; beneficiaryId: string; kind: 'child' | 'institution'; districtCode: string; campaignId: string | null;
    item: { code: string; unitValueVnd: number }; quantity: number; allocatedOn: string; lot: { lotId: string; pledgeId: string } | null };
  const alloc = (beneficiaryId: string, kind: Alloc['kind'], districtCode: string, campaignId: string | null, item: Alloc['item'], quantity: number,
    allocatedOn: string, lot: Alloc['lot']): Alloc => ({ allocationId: id(), beneficiaryId, kind, districtCode, campaignId, item, quantity, allocatedOn, lot });
  const lotLine = (a: Alloc) => ({ lotId: a.lot!.lotId, pledgeId: a.lot!.pledgeId, itemCode: a.item.code, warehouseCode: WAREHOUSE, quantity: a.quantity, unitValueVnd: a.item.unitValueVnd });
  const ref = (a: Alloc) => ({ allocationId: a.allocationId, beneficiaryId: a.beneficiaryId, beneficiaryKind: a.kind, districtCode: a.districtCode });
  const requested = (a: Alloc, attempt?: number) => {
    const t = `${a.allocatedOn}T02:00:00.000Z`;
    const list: Envelope[] = [envelopeOf(AllocationRequestedV1, a.allocationId, {
      ...ref(a), campaignId: a.campaignId, warehouseCode: a.lot ? WAREHOUSE : null, lines: [{ itemCode: a.item.code, quantity: a.quantity }],
      allocatedOn: a.allocatedOn, ...(attempt ? { attempt } : {}),
    }, at(t))];
    if (a.lot) list.push(envelopeOf(StockReservedV1, a.allocationId, { allocationId: a.allocationId, lines: [lotLine(a)] }, at(`${a.allocatedOn}T02:00:01.000Z`)));
    list.push(envelopeOf(AllocationConfirmedV1, a.allocationId, { ...ref(a), lines: [{ itemCode: a.item.code, quantity: a.quantity }] }, at(`${a.allocatedOn}T02:00:02.000Z`)));
    return list;
  };
  const dispatched = (a: Alloc, when: string) =>
    envelopeOf(ShipmentDispatchedV1, a.allocationId, { allocationId: a.allocationId, dispatchedAt: when, happenedAt: when }, at(when));
  const deliveredV2 = (a: Alloc, happenedAt: string, occurredAt: string) =>
    envelopeOf(DeliveryConfirmedV2, a.allocationId, {
      ...ref(a), relationship: 'mother', happenedAt,
      lines: [a.lot ? lotLine(a) : { lotId: null, pledgeId: null, itemCode: a.item.code, warehouseCode: null, quantity: a.quantity, unitValueVnd: a.item.unitValueVnd }],
    }, at(occurredAt));
  const deliveredV1 = (a: Alloc, deliveredAt: string) =>
    envelopeOf(DeliveryConfirmedV1, a.allocationId, { ...ref(a), relationship: 'mother', deliveredAt, lines: [lotLine(a)] }, at(deliveredAt));

  const moa = ids.monthOfAction;
  const bike = ITEMS.bicycle;
  const pack = ITEMS.backpack;
  const a = {
    a1: alloc(ids.c1, 'child', LONG_PHU, moa, pack, 1, '2026-05-30', { lotId: ids.l2, pledgeId: ids.p1 }),
    a2: alloc(ids.c1, 'child', LONG_PHU, null, bike, 1, '2026-06-01', { lotId: ids.l1, pledgeId: ids.p1 }),
    a3: alloc(ids.c2, 'child', TRAN_DE, moa, pack, 1, '2026-05-20', { lotId: ids.l2, pledgeId: ids.p1 }),
    a4: alloc(ids.c3, 'child', LONG_PHU, moa, pack, 1, '2026-06-08', { lotId: ids.l2, pledgeId: ids.p1 }),
    a5: alloc(ids.c3dup, 'child', LONG_PHU, moa, pack, 1, '2026-06-08', { lotId: ids.l2, pledgeId: ids.p1 }),
    a6: alloc(ids.orphanage, 'institution', CITY, ids.dialogue, pack, 5, '2026-06-01', { lotId: ids.l3, pledgeId: ids.p2 }),
    a7: alloc(ids.c2, 'child', TRAN_DE, moa, bike, 1, '2026-06-25', { lotId: ids.l1, pledgeId: ids.p1 }),
    a8: alloc(ids.c1, 'child', LONG_PHU, null, SCREENING, 1, '2026-06-15', null),
    a9: alloc(ids.c2, 'child', TRAN_DE, null, ITEMS.scholarship, 1, '2026-06-16', null),
    a10: alloc(ids.c3, 'child', LONG_PHU, moa, bike, 1, '2026-06-18', { lotId: ids.l1, pledgeId: ids.p1 }),
  };
  push(
    ...requested(a.a3), dispatched(a.a3, '2026-05-27T02:00:00.000Z'), deliveredV2(a.a3, '2026-05-28T02:00:00.000Z', '2026-05-28T02:05:00.000Z'),
    ...requested(a.a1), dispatched(a.a1, '2026-05-31T02:00:00.000Z'), deliveredV2(a.a1, '2026-06-01T02:00:00.000Z', '2026-06-01T02:05:00.000Z'),
    ...requested(a.a2), dispatched(a.a2, '2026-06-01T08:00:00.000Z'), deliveredV1(a.a2, '2026-06-02T02:00:00.000Z'),
    ...requested(a.a6), dispatched(a.a6, '2026-06-01T02:30:00.000Z'), deliveredV2(a.a6, '2026-06-01T03:00:00.000Z', '2026-06-01T03:05:00.000Z'),
    ...requested(a.a4), dispatched(a.a4, '2026-06-09T02:00:00.000Z'), deliveredV2(a.a4, '2026-06-10T02:00:00.000Z', '2026-06-10T02:05:00.000Z'),
    ...requested(a.a5), dispatched(a.a5, '2026-06-10T02:00:00.000Z'), deliveredV2(a.a5, '2026-06-11T02:00:00.000Z', '2026-06-11T02:05:00.000Z'),
    ...requested(a.a8), deliveredV2(a.a8, '2026-06-15T04:00:00.000Z', '2026-06-15T04:05:00.000Z'),
    envelopeOf(GiftReturnedV1, a.a6.allocationId, {
      returnId: id(), allocationId: a.a6.allocationId, beneficiaryId: ids.orphanage, reason: 'duplicate', restocked: true, happenedAt: '2026-06-15T03:00:00.000Z',
      lines: [{ itemCode: pack.code, quantity: 1, lotId: ids.l3, unitValueVnd: pack.unitValueVnd }],
    }, at('2026-06-15T03:05:00.000Z')),
    envelopeOf(AllocationRequestedV1, a.a9.allocationId, { ...ref(a.a9), campaignId: null, warehouseCode: WAREHOUSE, lines: [{ itemCode: ITEMS.scholarship.code, quantity: 1 }], allocatedOn: '2026-06-16' }, at('2026-06-16T02:00:00.000Z')),
    envelopeOf(StockReservationRejectedV1, a.a9.allocationId, { allocationId: a.a9.allocationId, reason: 'insufficient stock', shortages: [{ itemCode: ITEMS.scholarship.code, requested: 1, available: 0 }] }, at('2026-06-16T02:00:01.000Z')),
    envelopeOf(AllocationRejectedV1, a.a9.allocationId, { allocationId: a.a9.allocationId, reason: 'insufficient stock' }, at('2026-06-16T02:00:02.000Z')),
    ...requested(a.a10), dispatched(a.a10, '2026-06-19T01:00:00.000Z'),
    envelopeOf(DeliveryFailedV2, a.a10.allocationId, { allocationId: a.a10.allocationId, reason: 'not_home', happenedAt: '2026-06-19T04:00:00.000Z' }, at('2026-06-19T04:05:00.000Z')),
    envelopeOf(StockReleasedV1, a.a10.allocationId, { allocationId: a.a10.allocationId, reason: 'delivery failed', lines: [lotLine(a.a10)] }, at('2026-06-19T04:05:01.000Z')),
    envelopeOf(BeneficiariesMergedV1, ids.c3dup, { beneficiaryId: ids.c3dup, intoId: ids.c3 }, at('2026-06-20T01:00:00.000Z')),
    ...requested(a.a7), dispatched(a.a7, '2026-06-28T02:00:00.000Z'),
  );

  // Sponsorships.
  push(
    envelopeOf(SponsorshipEnrolledV1, ids.s1, {
      sponsorshipId: ids.s1, donorId: ids.donorA, beneficiaryId: ids.c2, districtCode: TRAN_DE, monthlyAmountVnd: 500_000, startMonth: '2026-01', endMonth: '2026-12', campaignId: null,
    }, at('2026-01-02T01:00:00.000Z')),
    ...['01', '02', '03', '04'].map((m) => envelopeOf(SponsorshipInstalmentPaidV1, ids.s1, {
      sponsorshipId: ids.s1, beneficiaryId: ids.c2, donorId: ids.donorA, month: `2026-${m}`, amountVnd: 500_000, paidOn: `2026-${m}-05`,
    }, at(`2026-${m}-05T03:00:00.000Z`))),
    envelopeOf(SponsorshipEnrolledV1, ids.s2, {
      sponsorshipId: ids.s2, donorId: ids.donorB, beneficiaryId: ids.c1, districtCode: LONG_PHU, monthlyAmountVnd: 500_000, startMonth: '2026-03', endMonth: '2027-02', campaignId: null,
    }, at('2026-03-01T01:00:00.000Z')),
    envelopeOf(SponsorshipInstalmentPaidV1, ids.s2, {
      sponsorshipId: ids.s2, beneficiaryId: ids.c1, donorId: ids.donorB, month: '2026-03', amountVnd: 500_000, paidOn: '2026-03-05',
    }, at('2026-03-05T03:00:00.000Z')),
    envelopeOf(SponsorshipCancelledV1, ids.s2, { sponsorshipId: ids.s2, reason: 'family moved', cancelledOn: '2026-05-10' }, at('2026-05-10T03:00:00.000Z')),
  );

  // A7's delivery happened on 29 June, but the volunteer's phone synced it on 3 July.
  const late = [deliveredV2(a.a7, '2026-06-29T08:00:00.000Z', '2026-07-03T02:00:00.000Z')];
  return { ids, allocations: a, events, late };

  function receipt(pledgeId: string, lotId: string, itemCode: string, quantity: number, unitValueVnd: number, receivedOn: string | undefined,
    campaignId: string | null, occurredAt: string): Envelope {
    const receiptId = id();
    return envelopeOf(GoodsReceivedV1, receiptId, {
      receiptId, pledgeId, warehouseCode: WAREHOUSE, lines: [{ lotId, itemCode, quantity, expiresOn: null, unitValueVnd }],
      ...(receivedOn ? { receivedOn } : {}), campaignId,
    }, at(occurredAt));
  }
}
