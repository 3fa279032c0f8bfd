import { UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AllocationConfirmedV1, AllocationRequestedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { KnownItem } from '../items/known-item.entity';
import { Allocation, AllocationLine } from './allocation.entity';
import { Beneficiary } from './beneficiary';

export interface ItemFacts {
  category: string;
  stocked: boolean;
}

/**
 * Category and stocked flag of each item, from ItemRegistered. An item not heard of yet counts as stocked, in a
 * category of its own (its code), so the one-per-category rule still stops the same item twice.
 */
export async function itemFacts(m: EntityManager, itemCodes: string[]): Promise<Map<string, ItemFacts>> {
  const known = await m.findBy(KnownItem, { itemCode: In(itemCodes) });
  const byCode = new Map(known.map((i) => [i.itemCode, { category: i.category, stocked: i.stocked }]));
  return new Map(itemCodes.map((code) => [code, byCode.get(code) ?? { category: code, stocked: true }]));
}

/** 'goods' (reserved by inventory) or 'services' (no reservation: confirmed at once); a mix is refused with 422. */
export function allocationKind(lines: AllocationLine[], items: Map<string, ItemFacts>): 'goods' | 'services' {
  const services = lines.filter((l) => !items.get(l.itemCode)!.stocked);
  if (services.length === 0) return 'goods';
  if (services.length === lines.length) return 'services';
  throw new UnprocessableEntityException(
    `an allocation is either goods or services: ${services.map((l) => l.itemCode).join(', ')} are services, allocate them on their own`,
  );
}

/**
 * Records the allocation and publishes AllocationRequested; an all-services allocation is confirmed at once
 * (AllocationConfirmed follows, inventory reserves nothing for it). Rules are checked by the caller.
 */
export async function recordAllocation(
  tx: OutboxTransaction,
  input: {
    beneficiary: Beneficiary; campaignId: string | null; warehouseCode: string | null; lines: AllocationLine[]; allocatedOn: string;
    planId: string | null; idempotencyKey: string | null; items: Map<string, ItemFacts>;
  },
): Promise<Allocation> {
  const kind = allocationKind(input.lines, input.items);
  const now = new Date();
  const allocation: Allocation = {
    id: randomUUID(),
    beneficiaryId: input.beneficiary.id,
    beneficiaryKind: input.beneficiary.kind,
    districtCode: input.beneficiary.districtCode,
    campaignId: input.campaignId,
    warehouseCode: input.warehouseCode,
    status: kind === 'services' ? 'confirmed' : 'requested',
    reason: null,
    lines: input.lines.map(({ itemCode, quantity }) => ({ itemCode, quantity })),
    allocatedOn: input.allocatedOn,
    planId: input.planId,
    attempt: 1,
    categories: [...new Set(input.lines.map((l) => input.items.get(l.itemCode)!.category))],
    idempotencyKey: input.idempotencyKey,
    requestedAt: now,
    updatedAt: now,
  };
  await tx.manager.insert(Allocation, allocation);
  publishRequested(tx, allocation);
  if (kind === 'services') publishConfirmed(tx, allocation);
  return allocation;
}

export function publishRequested(tx: OutboxTransaction, a: Allocation): void {
  tx.publish(AllocationRequestedV1, a.id, {
    allocationId: a.id, beneficiaryId: a.beneficiaryId, beneficiaryKind: a.beneficiaryKind, districtCode: a.districtCode,
    campaignId: a.campaignId, warehouseCode: a.warehouseCode, lines: a.lines, allocatedOn: a.allocatedOn, attempt: a.attempt,
    ...(a.planId ? { planId: a.planId } : {}),
  });
}

export function publishConfirmed(tx: OutboxTransaction, a: Allocation): void {
  const { id: allocationId, beneficiaryId, beneficiaryKind, districtCode, lines } = a;
  tx.publish(AllocationConfirmedV1, allocationId, { allocationId, beneficiaryId, beneficiaryKind, districtCode, lines });
}
