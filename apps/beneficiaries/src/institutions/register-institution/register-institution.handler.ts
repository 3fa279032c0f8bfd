import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BeneficiaryRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { Institution, InstitutionView, institutionView } from '../institution.entity';
import { RegisterInstitutionDto } from './register-institution.dto';

@Injectable()
export class RegisterInstitutionHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterInstitutionDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<InstitutionView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const institution: Institution = { id: randomUUID(), ...body, name: body.name.trim(), idempotencyKey: null, registeredAt: new Date() };
      await tx.manager.insert(Institution, institution);
      tx.publish(BeneficiaryRegisteredV1, institution.id, {
        kind: 'institution',
        beneficiaryId: institution.id,
        districtCode: institution.districtCode,
        institutionKind: institution.kind,
        residents: institution.residents,
      });
      return institutionView(institution);
    }));
  }
}
