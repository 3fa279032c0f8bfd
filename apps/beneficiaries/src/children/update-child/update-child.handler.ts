import { Injectable } from '@nestjs/common';
import { BeneficiaryUpdatedV1, PayloadOf } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Child, ChildView, childView } from '../child.entity';
import { livingChildOr404 } from '../find-child';
import { foldName } from '../fold-name';
import { UpdateChildDto } from './update-child.dto';

type Updated = PayloadOf<typeof BeneficiaryUpdatedV1>;

/**
 * Corrects a child's record. BeneficiaryUpdated carries only the pseudonymous facts that changed (district, commune,
 * sex, birth month, circumstances); a change of name, exact birth day or guardian publishes nothing.
 */
@Injectable()
export class UpdateChildHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, body: UpdateChildDto, actor: string): Promise<ChildView> {
    return this.uow.run({ actor }, async (tx) => {
      const found = await livingChildOr404(tx.manager, id);
      const child = await tx.manager.findOneOrFail(Child, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      const next: Child = {
        ...child,
        ...(body.fullName !== undefined ? { fullName: body.fullName.trim(), searchName: foldName(body.fullName) } : {}),
        ...(body.birthDate !== undefined ? { birthDate: body.birthDate } : {}),
        ...(body.sex !== undefined ? { sex: body.sex } : {}),
        ...(body.districtCode !== undefined ? { districtCode: body.districtCode } : {}),
        ...(body.communeCode !== undefined ? { communeCode: body.communeCode } : {}),
        ...(body.circumstances !== undefined ? { circumstances: body.circumstances } : {}),
        ...(body.guardianName !== undefined ? { guardianName: body.guardianName?.trim() ?? null } : {}),
        ...(body.guardianPhone !== undefined ? { guardianPhone: body.guardianPhone } : {}),
      };
      const { id: _, ...changes } = next;
      await tx.manager.update(Child, { id: child.id }, changes);
      const published = pseudonymousChanges(child, next);
      if (Object.keys(published).length > 0) tx.publish(BeneficiaryUpdatedV1, child.id, { beneficiaryId: child.id, ...published });
      return childView(next);
    });
  }
}

/** The event's fields that differ between the two records. */
export function pseudonymousChanges(before: Child, after: Child): Omit<Updated, 'beneficiaryId'> {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    ...(after.districtCode !== before.districtCode ? { districtCode: after.districtCode } : {}),
    ...(after.communeCode !== before.communeCode ? { communeCode: after.communeCode } : {}),
    ...(after.sex !== before.sex ? { sex: after.sex } : {}),
    ...(after.birthDate.slice(0, 7) !== before.birthDate.slice(0, 7) ? { birthMonth: after.birthDate.slice(0, 7) } : {}),
    ...(!same(after.circumstances, before.circumstances) ? { circumstances: after.circumstances } : {}),
  };
}
