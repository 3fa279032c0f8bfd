import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BeneficiaryRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Child, ChildView, childView } from '../child.entity';
import { RegisterChildDto } from './register-child.dto';

/** Records a child and announces them pseudonymously: the event has no name, birth date, guardian or phone. */
@Injectable()
export class RegisterChildHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterChildDto, actor: string, idempotencyKey: string | null): Promise<ChildView> {
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Child, idempotencyKey);
      if (earlier) return childView(earlier);
      const child: Child = {
        id: randomUUID(),
        fullName: body.fullName.trim(),
        birthDate: body.birthDate,
        sex: body.sex,
        districtCode: body.districtCode,
        communeCode: body.communeCode,
        circumstances: body.circumstances,
        guardianName: body.guardianName?.trim() ?? null,
        guardianPhone: body.guardianPhone ?? null,
        idempotencyKey,
        registeredAt: new Date(),
      };
      await tx.manager.insert(Child, child);
      tx.publish(BeneficiaryRegisteredV1, child.id, {
        kind: 'child',
        beneficiaryId: child.id,
        districtCode: child.districtCode,
        communeCode: child.communeCode,
        sex: child.sex,
        birthMonth: child.birthDate.slice(0, 7),
        circumstances: child.circumstances,
      });
      return childView(child);
    });
  }
}
