import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BeneficiaryRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Institution, InstitutionView, institutionView } from '../institution.entity';
import { RegisterInstitutionDto } from './register-institution.dto';

@Injectable()
export class RegisterInstitutionHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterInstitutionDto, actor: string, idempotencyKey: string | null): Promise<InstitutionView> {
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Institution, idempotencyKey);
      if (earlier) return institutionView(earlier);
      const institution: Institution = { id: randomUUID(), ...body, name: body.name.trim(), idempotencyKey, registeredAt: new Date() };
      await tx.manager.insert(Institution, institution);
      tx.publish(BeneficiaryRegisteredV1, institution.id, {
        kind: 'institution',
        beneficiaryId: institution.id,
        districtCode: institution.districtCode,
        institutionKind: institution.kind,
        residents: institution.residents,
      });
      return institutionView(institution);
    });
  }
}
