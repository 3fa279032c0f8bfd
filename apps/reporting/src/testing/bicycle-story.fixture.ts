import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import {
  AllocationConfirmedV1, AllocationRequestedV1, DeliveryConfirmedV1, DeliveryFailedV1, DonorRegisteredV1, Envelope, GoodsReceivedV1,
  ItemRegisteredV1, PledgeRecordedV1, ShipmentDispatchedV1, StockReleasedV1, StockReservedV1, topicName,
} from '@giftflow/contracts';
import { envelopeOf, waitFor } from '@giftflow/testing';
import { DISTRICTS, ITEMS } from '../../../../seeds/demo-data';
import { consumerNameOf } from '../generations/generation-consumers';
import { KafkaOffsets } from '../generations/kafka-offsets';
import { REPORTING_CONSUMES } from '../reporting.subscriptions';

export const BICYCLE = ITEMS.bicycle;
export const LONG_PHU = DISTRICTS.longPhu.code;
export const TRAN_DE = DISTRICTS.tranDe.code;
const WAREHOUSE = 'provincial';

/**
 * June 2026, as the services would publish it: 20 bicycles pledged at 1,800,000 VND and received as one
 * lot; five children allocated one each (three in Long Phu, two in Tran De); four delivered, the fifth
 * delivery fails and its bicycle goes back on the shelf. Events reporting does not read are in the
 * stream too, as they would be. The fourth delivery happened on 30 June but was reported on 1 July.
 */
export function bicycleStory() {
  const pledgeId = randomUUID();
  const donorId = randomUUID();
  const receiptId = randomUUID();
  const lotId = randomUUID();
  const lot = { lotId, pledgeId, itemCode: BICYCLE.code, warehouseCode: WAREHOUSE, quantity: 1, unitValueVnd: BICYCLE.unitValueVnd };
  const at = (iso: string) => ({ occurredAt: iso });
  const events: Envelope[] = [
    envelopeOf(ItemRegisteredV1, BICYCLE.code, itemOf(BICYCLE), at('2026-06-01T02:00:00.000Z')),
    envelopeOf(DonorRegisteredV1, donorId, { donorId, kind: 'individual' }, at('2026-06-02T02:00:00.000Z')),
    envelopeOf(PledgeRecordedV1, pledgeId, {
      pledgeId, donorId, donorKind: 'individual', campaignId: null, lines: [{ itemCode: BICYCLE.code, quantity: 20, unitValueVnd: 1_800_000 }],
    }, at('2026-06-02T03:00:00.000Z')),
    envelopeOf(GoodsReceivedV1, receiptId, {
      receiptId, pledgeId, warehouseCode: WAREHOUSE,
      lines: [{ lotId, itemCode: BICYCLE.code, quantity: 20, expiresOn: null, unitValueVnd: 1_800_000 }],
    }, at('2026-06-05T03:00:00.000Z')),
  ];
  const allocations = [LONG_PHU, LONG_PHU, LONG_PHU, TRAN_DE, TRAN_DE].map((districtCode) => ({
    allocationId: randomUUID(), beneficiaryId: randomUUID(), beneficiaryKind: 'child' as const, districtCode,
  }));
  allocations.forEach((a, i) => {
    const lines = [{ itemCode: BICYCLE.code, quantity: 1 }];
    events.push(
      envelopeOf(AllocationRequestedV1, a.allocationId, { ...a, campaignId: null, warehouseCode: WAREHOUSE, lines }, at(`2026-06-10T0${i}:00:00.000Z`)),
      envelopeOf(StockReservedV1, a.allocationId, { allocationId: a.allocationId, lines: [lot] }, at(`2026-06-10T0${i}:00:01.000Z`)),
      envelopeOf(AllocationConfirmedV1, a.allocationId, { ...a, lines }, at(`2026-06-10T0${i}:00:02.000Z`)),
      envelopeOf(ShipmentDispatchedV1, a.allocationId, { allocationId: a.allocationId, dispatchedAt: '2026-06-15T01:00:00.000Z' }, at('2026-06-15T01:00:00.000Z')),
    );
  });
  const deliveries = [
    { ...allocations[0], deliveredAt: '2026-06-20T01:00:00.000Z', reportedAt: '2026-06-20T01:05:00.000Z' },
    { ...allocations[1], deliveredAt: '2026-06-20T02:00:00.000Z', reportedAt: '2026-06-20T02:05:00.000Z' },
    { ...allocations[2], deliveredAt: '2026-06-21T03:00:00.000Z', reportedAt: '2026-06-21T03:05:00.000Z' },
    { ...allocations[3], deliveredAt: '2026-06-30T10:00:00.000Z', reportedAt: '2026-07-01T02:00:00.000Z' },
  ];
  for (const { reportedAt, ...d } of deliveries) {
    events.push(envelopeOf(DeliveryConfirmedV1, d.allocationId, { ...d, relationship: 'mother', lines: [lot] }, at(reportedAt)));
  }
  const failed = allocations[4].allocationId;
  events.push(
    envelopeOf(DeliveryFailedV1, failed, { allocationId: failed, reason: 'nobody at home', failedAt: '2026-06-22T04:00:00.000Z' }, at('2026-06-22T04:00:00.000Z')),
    envelopeOf(StockReleasedV1, failed, { allocationId: failed, reason: 'delivery failed', lines: [lot] }, at('2026-06-22T04:00:01.000Z')),
  );
  return { pledgeId, lotId, allocations, events };
}

export function itemOf(item: (typeof ITEMS)[keyof typeof ITEMS]) {
  return { itemCode: item.code, name: item.name, category: item.category, unit: item.unit, unitValueVnd: item.unitValueVnd };
}

/** Every figure of June 2026 for the bicycles of the story. */
export const JUNE_BICYCLES = {
  pledgedQty: 20, pledgedValueVnd: 36_000_000, receivedQty: 20, allocatedQty: 5,
  deliveredQty: 4, deliveredValueVnd: 7_200_000, childrenReached: 4, institutionsReached: 0,
};

/** Waits until generation `generation`'s consumer has handled and committed everything on reporting's topics now. */
export async function waitUntilProjected(kafka: Kafka, prefix: string, generation = 1): Promise<void> {
  const offsets = new KafkaOffsets(kafka);
  try {
    const targets = await offsets.watermarks(REPORTING_CONSUMES.map((p) => topicName(p, prefix)));
    const groupId = `${prefix}giftflow.${consumerNameOf(generation)}`;
    await waitFor(`${groupId} to reach the end of the topics`, async () => (await offsets.progress(groupId, targets)).caughtUp, 30_000, 200);
  } finally {
    await offsets.close();
  }
}
