import { randomUUID } from 'node:crypto';
import { Envelope, Publisher } from '@giftflow/contracts';
import { seededRandom as mulberry32 } from '@giftflow/testing';

/**
 * A province's year of events for the replay benchmark, in the mix the services publish: a catalogue, campaigns,
 * donors, children and institutions registered early, then every day gifts allocated, reserved, confirmed,
 * dispatched and delivered (a few rejected, failed and released, returned), pledges and receipts as stock runs low,
 * services delivered without lots, records updated and merged, sponsorship instalments every month. Each aggregate's
 * events come in order (one aggregate, one partition); payloads are what the contracts accept (a sample is checked).
 * Deterministic for a seed, so two runs replay the same stream.
 */
export function* provinceYear(total: number, year = 2026, seed = 11): Generator<Envelope> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const scale = Math.max(total / 1_000_000, 0.001);
  let emitted = 0;
  const envelope = (source: Publisher, type: string, version: number, aggregateId: string, occurredAt: string, payload: unknown): Envelope => ({
    id: randomUUID(), type, version, source, aggregateId, occurredAt, correlationId: randomUUID(), causationId: null, actor: 'bench', payload,
  });
  const dayOf = (day: number, minute = 0) => new Date(Date.UTC(year, 0, 1) + day * 86_400_000 + (2 * 60 + minute) * 60_000).toISOString();
  const dateOf = (day: number) => dayOf(day).slice(0, 10);

  const DISTRICTS = ['941', '942', '943', '944', '945', '946', '947', '948', '949', '950', '951'];
  const communesOf = (d: string) => Array.from({ length: 10 }, (_, i) => `${d}${String(i + 1).padStart(2, '0')}`);
  const CIRCUMSTANCES = ['orphan', 'disabled', 'serious_illness', 'poor_household', 'near_poor_household', 'ethnic_minority'] as const;
  const ITEMS = [
    ...['backpack', 'notebook-set', 'school-uniform', 'coloring-set', 'books', 'shoes'].map((code, i) => ({ code, category: i < 2 ? 'school_supplies' : i < 4 ? 'clothing' : 'books', value: 100_000 + i * 50_000, stocked: true })),
    ...['milk-carton-48', 'rice-10kg', 'cake-box'].map((code, i) => ({ code, category: 'food', value: 200_000 + i * 40_000, stocked: true })),
    { code: 'bicycle', category: 'bicycles', value: 1_800_000, stocked: true },
    { code: 'scholarship', category: 'scholarships', value: 1_000_000, stocked: true },
    { code: 'teddy-bear', category: 'toys', value: 90_000, stocked: true },
    { code: 'blanket', category: 'household', value: 150_000, stocked: true },
    { code: 'gift-pack', category: 'gifts', value: 300_000, stocked: true },
    { code: 'heart-screening', category: 'health_screening', value: 500_000, stocked: false },
    { code: 'heart-surgery', category: 'surgeries', value: 40_000_000, stocked: false },
    { code: 'haircut', category: 'haircuts', value: 50_000, stocked: false },
  ];
  const KINDS = ['lunar_new_year', 'month_of_action', 'mid_autumn', 'dialogue', 'festival', 'scholarship_drive', 'health_screening', 'other'] as const;

  function* emit(...events: Envelope[]): Generator<Envelope> {
    for (const e of events) {
      if (emitted >= total) return;
      emitted += 1;
      yield e;
    }
  }

  for (const item of ITEMS) {
    yield* emit(envelope('inventory', 'ItemRegistered', 1, item.code, dayOf(0), {
      itemCode: item.code, name: item.code, category: item.category, unit: 'piece', unitValueVnd: item.value, ...(item.stocked ? {} : { stocked: false }),
    }));
  }
  const campaigns = KINDS.map((kind, i) => ({ id: randomUUID(), kind, startsDay: i * 45, endsDay: i * 45 + 40 }));
  for (const c of campaigns) {
    yield* emit(envelope('donors', 'CampaignOpened', 1, c.id, dayOf(Math.max(0, c.startsDay - 5)), {
      campaignId: c.id, name: `Campaign ${c.kind}`, startsOn: dateOf(c.startsDay), endsOn: dateOf(c.endsDay), kind: c.kind,
      districtCodes: DISTRICTS.slice(0, 5), targets: [{ category: 'school_supplies', quantity: 1000 }, { category: 'bicycles', quantity: 20 }],
    }));
  }
  const donors = Array.from({ length: Math.max(10, Math.round(2000 * scale)) }, () => randomUUID());
  for (const donorId of donors) yield* emit(envelope('donors', 'DonorRegistered', 1, donorId, dayOf(0, 1), { donorId, kind: pick(['individual', 'business', 'military', 'religious'] as const) }));
  const children = Array.from({ length: Math.max(20, Math.round(60_000 * scale)) }, () => {
    const districtCode = pick(DISTRICTS);
    return { id: randomUUID(), districtCode, communeCode: pick(communesOf(districtCode)), birthYear: 2008 + Math.floor(random() * 18) };
  });
  for (const c of children) {
    yield* emit(envelope('beneficiaries', 'BeneficiaryRegistered', 1, c.id, dayOf(Math.floor(random() * 30), 2), {
      kind: 'child', beneficiaryId: c.id, districtCode: c.districtCode, communeCode: c.communeCode, sex: random() < 0.5 ? 'female' : 'male',
      birthMonth: `${c.birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
      circumstances: [pick(CIRCUMSTANCES), ...(random() < 0.3 ? [pick(CIRCUMSTANCES)] : [])].filter((v, i, a) => a.indexOf(v) === i),
    }));
  }
  const institutions = Array.from({ length: Math.max(2, Math.round(200 * scale)) }, () => ({ id: randomUUID(), districtCode: pick(DISTRICTS) }));
  for (const inst of institutions) {
    yield* emit(envelope('beneficiaries', 'BeneficiaryRegistered', 1, inst.id, dayOf(0, 3), {
      kind: 'institution', beneficiaryId: inst.id, districtCode: inst.districtCode, institutionKind: pick(['orphanage', 'social_protection_centre', 'special_school'] as const), residents: 20 + Math.floor(random() * 100),
    }));
  }
  const sponsorships = Array.from({ length: Math.max(2, Math.round(500 * scale)) }, () => ({ id: randomUUID(), donorId: pick(donors), child: pick(children) }));
  for (const s of sponsorships) {
    yield* emit(envelope('beneficiaries', 'SponsorshipEnrolled', 1, s.id, dayOf(1, 4), {
      sponsorshipId: s.id, donorId: s.donorId, beneficiaryId: s.child.id, districtCode: s.child.districtCode, monthlyAmountVnd: 500_000,
      startMonth: `${year}-01`, endMonth: `${year + 3}-12`, campaignId: null,
    }));
  }

  // Stock: one open lot per stocked item, refilled by a new pledge and receipt when it runs low.
  const lots = new Map<string, { lotId: string; pledgeId: string; left: number }>();
  function* restock(item: (typeof ITEMS)[number], day: number): Generator<Envelope> {
    const pledgeId = randomUUID();
    const receiptId = randomUUID();
    const lotId = randomUUID();
    const quantity = 300 + Math.floor(random() * 700);
    const donorId = pick(donors);
    const campaign = random() < 0.5 ? pick(campaigns).id : null;
    yield* emit(
      envelope('donors', 'PledgeRecorded', 1, pledgeId, dayOf(day, 5), {
        pledgeId, donorId, donorKind: 'business', campaignId: campaign, pledgedOn: dateOf(Math.max(0, day - 2)),
        lines: [{ itemCode: item.code, quantity, unitValueVnd: random() < 0.5 ? item.value : null }],
      }),
      envelope('inventory', 'GoodsReceived', 1, receiptId, dayOf(day, 6), {
        receiptId, pledgeId, warehouseCode: 'ST-FUND', receivedOn: dateOf(day), donorId, campaignId: campaign,
        lines: [{ lotId, itemCode: item.code, quantity, expiresOn: null, unitValueVnd: item.value }],
      }),
    );
    lots.set(item.code, { lotId, pledgeId, left: quantity });
  }

  const mergedAway = new Set<string>();
  const giftsPerDay = Math.max(1, Math.round(470 * scale));
  for (let day = 2; emitted < total; day = day >= 364 ? 2 : day + 1) {
    if (day % 30 === 5) {
      const month = `${year}-${String(1 + Math.floor(day / 30.5)).padStart(2, '0')}`;
      for (const s of sponsorships) {
        yield* emit(envelope('beneficiaries', 'SponsorshipInstalmentPaid', 1, s.id, dayOf(day, 7), {
          sponsorshipId: s.id, beneficiaryId: s.child.id, donorId: s.donorId, month, amountVnd: 500_000, paidOn: dateOf(day),
        }));
      }
    }
    for (let g = 0; g < giftsPerDay && emitted < total; g += 1) {
      const institution = random() < 0.02;
      const who = institution ? pick(institutions) : pick(children);
      const item = pick(ITEMS);
      const quantity = institution ? 5 + Math.floor(random() * 20) : 1;
      const campaign = campaigns.find((c) => day >= c.startsDay && day <= c.endsDay && random() < 0.6)?.id ?? null;
      const allocationId = randomUUID();
      const ref = { allocationId, beneficiaryId: who.id, beneficiaryKind: institution ? 'institution' : 'child', districtCode: who.districtCode };
      const lines = [{ itemCode: item.code, quantity }];
      yield* emit(envelope('beneficiaries', 'AllocationRequested', 1, allocationId, dayOf(day, 10), {
        ...ref, campaignId: campaign, warehouseCode: item.stocked ? 'ST-FUND' : null, lines, allocatedOn: dateOf(day),
      }));
      if (random() < 0.01) {
        yield* emit(
          envelope('inventory', 'StockReservationRejected', 1, allocationId, dayOf(day, 11), { allocationId, reason: 'insufficient stock', shortages: [{ itemCode: item.code, requested: quantity, available: 0 }] }),
          envelope('beneficiaries', 'AllocationRejected', 1, allocationId, dayOf(day, 12), { allocationId, reason: 'insufficient stock' }),
        );
        continue;
      }
      let lotLine = null;
      if (item.stocked) {
        if ((lots.get(item.code)?.left ?? 0) < quantity) yield* restock(item, day);
        const lot = lots.get(item.code)!;
        lot.left -= quantity;
        lotLine = { lotId: lot.lotId, pledgeId: lot.pledgeId, itemCode: item.code, warehouseCode: 'ST-FUND', quantity, unitValueVnd: item.value };
        yield* emit(envelope('inventory', 'StockReserved', 1, allocationId, dayOf(day, 11), { allocationId, lines: [lotLine] }));
      }
      yield* emit(envelope('beneficiaries', 'AllocationConfirmed', 1, allocationId, dayOf(day, 12), { ...ref, lines }));
      const deliveredDay = day + 1 + Math.floor(random() * 4);
      if (lotLine) yield* emit(envelope('inventory', 'ShipmentDispatched', 1, allocationId, dayOf(day + 1, 0), { allocationId, dispatchedAt: dayOf(day + 1, 0), happenedAt: dayOf(day + 1, 0) }));
      if (lotLine && random() < 0.03) {
        yield* emit(
          envelope('inventory', 'DeliveryFailed', 2, allocationId, dayOf(deliveredDay, 30), { allocationId, reason: pick(['not_home', 'moved', 'refused'] as const), happenedAt: dayOf(deliveredDay, 25) }),
          envelope('inventory', 'StockReleased', 1, allocationId, dayOf(deliveredDay, 31), { allocationId, reason: 'delivery failed', lines: [lotLine] }),
        );
        continue;
      }
      // One delivery in twenty is synced days after it happened.
      const syncedDay = random() < 0.05 ? deliveredDay + 3 + Math.floor(random() * 10) : deliveredDay;
      yield* emit(envelope('inventory', 'DeliveryConfirmed', 2, allocationId, dayOf(syncedDay, 40), {
        ...ref, relationship: institution ? 'staff' : pick(['mother', 'father', 'grandparent'] as const), happenedAt: dayOf(deliveredDay, 35),
        lines: [lotLine ?? { lotId: null, pledgeId: null, itemCode: item.code, warehouseCode: null, quantity, unitValueVnd: item.value }],
      }));
      if (random() < 0.002 && lotLine) {
        yield* emit(envelope('inventory', 'GiftReturned', 1, allocationId, dayOf(deliveredDay + 2, 0), {
          returnId: randomUUID(), allocationId, beneficiaryId: who.id, reason: 'wrong_size', restocked: true, happenedAt: dayOf(deliveredDay + 2, 0),
          lines: [{ itemCode: item.code, quantity: 1, lotId: lotLine.lotId, unitValueVnd: item.value }],
        }));
      }
      if (random() < 0.005 && !institution) {
        yield* emit(envelope('beneficiaries', 'BeneficiaryUpdated', 1, who.id, dayOf(day, 50), { beneficiaryId: who.id, circumstances: [pick(CIRCUMSTANCES)] }));
      }
      if (random() < 0.0005 && !institution) {
        const duplicate = pick(children);
        if (duplicate.id === who.id || mergedAway.has(duplicate.id) || mergedAway.has(who.id)) continue;
        mergedAway.add(duplicate.id);
        yield* emit(envelope('beneficiaries', 'BeneficiariesMerged', 1, duplicate.id, dayOf(day, 55), { beneficiaryId: duplicate.id, intoId: who.id }));
      }
    }
  }
}
