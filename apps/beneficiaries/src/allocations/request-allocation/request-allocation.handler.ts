import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AllocationRequestedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Child } from '../../children/child.entity';
import { createdEarlier } from '@giftflow/platform';
import { Institution } from '../../institutions/institution.entity';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';
import { RequestAllocationDto } from './request-allocation.dto';

/** Saga step 1: records the allocation as requested and asks inventory (AllocationRequested) to reserve its stock. */
@Injectable()
export class RequestAllocationHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RequestAllocationDto, actor: string, idempotencyKey: string | null): Promise<AllocationView> {
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Allocation, idempotencyKey);
      if (earlier) return allocationView(earlier);
      const beneficiary = await findBeneficiary(tx.manager, body.beneficiaryId);
      if (!beneficiary) throw new UnprocessableEntityException(`beneficiary ${body.beneficiaryId} not found`);
      const now = new Date();
      const allocation: Allocation = {
        id: randomUUID(),
        beneficiaryId: body.beneficiaryId,
        ...beneficiary,
        campaignId: body.campaignId ?? null,
        warehouseCode: body.warehouseCode ?? null,
        status: 'requested',
        reason: null,
        lines: body.lines.map(({ itemCode, quantity }) => ({ itemCode, quantity })),
        idempotencyKey,
        requestedAt: now,
        updatedAt: now,
      };
      await tx.manager.insert(Allocation, allocation);
      const { id: allocationId, beneficiaryId, beneficiaryKind, districtCode, campaignId, warehouseCode, lines } = allocation;
      tx.publish(AllocationRequestedV1, allocationId, { allocationId, beneficiaryId, beneficiaryKind, districtCode, campaignId, warehouseCode, lines });
      return allocationView(allocation);
    });
  }
}

/** A beneficiary is a child or an institution; the allocation (and its events) carry only the kind and district. */
async function findBeneficiary(m: EntityManager, id: string): Promise<Pick<Allocation, 'beneficiaryKind' | 'districtCode'> | null> {
  const child = await m.findOne(Child, { where: { id }, select: { districtCode: true } });
  if (child) return { beneficiaryKind: 'child', districtCode: child.districtCode };
  const institution = await m.findOne(Institution, { where: { id }, select: { districtCode: true } });
  return institution && { beneficiaryKind: 'institution', districtCode: institution.districtCode };
}
