import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { In } from 'typeorm';
import { BeneficiariesMergedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Child, ChildView, childView } from '../child.entity';

/**
 * Two records are one child: `id` is merged into `intoId` (BeneficiariesMerged). From then on `id` answers as
 * `intoId`, and both records' allocations and sponsorships count as that child's (eligibility included).
 */
@Injectable()
export class MergeChildrenHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, intoId: string, actor: string): Promise<ChildView> {
    if (id === intoId) throw new UnprocessableEntityException('a child cannot be merged into itself');
    return this.uow.run({ actor }, async (tx) => {
      // Allocation decisions for either child wait for the merge: they lock the same rows (lockedBeneficiary).
      const rows = await tx.manager.find(Child, { where: { id: In([id, intoId]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const child = rows.find((c) => c.id === id);
      const into = rows.find((c) => c.id === intoId);
      if (!child) throw new NotFoundException(`child ${id} not found`);
      if (!into) throw new UnprocessableEntityException(`child ${intoId} not found`);
      if (child.mergedInto) throw new ConflictException(`child ${id} was already merged into ${child.mergedInto}`);
      if (into.mergedInto) throw new ConflictException(`child ${intoId} was merged into ${into.mergedInto}: merge into that one`);
      // Records merged into `id` earlier now live on as `intoId` too.
      await tx.manager.query('UPDATE children SET merged_into = $2, merged_at = now() WHERE id = $1 OR merged_into = $1', [id, intoId]);
      tx.publish(BeneficiariesMergedV1, id, { beneficiaryId: id, intoId });
      return childView(into);
    });
  }
}
