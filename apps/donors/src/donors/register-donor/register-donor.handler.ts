import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce, foldForSearch } from '@giftflow/platform';
import { Donor } from '../donor.entity';
import { DonorView, donorView } from '../donor.view';
import { duplicateKeysOf } from '../duplicate-keys';
import { refusePossibleDuplicates } from '../possible-duplicates';
import { RegisterDonorDto } from './register-donor.dto';

/** Records a donor; the event carries only the id and kind (name and contacts stay here). */
@Injectable()
export class RegisterDonorHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterDonorDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<DonorView>> {
    return this.uow.run({ actor }, (tx) =>
      answerOnce(tx.manager, request, async () => {
        const contacts = { phone: body.phone?.trim() || null, email: body.email?.trim() || null, taxCode: body.taxCode?.trim() || null };
        const keys = duplicateKeysOf(contacts);
        await refusePossibleDuplicates(tx.manager, keys, { confirmed: body.confirmNotDuplicate === true });
        const now = new Date();
        const name = body.name.trim();
        const donor: Donor = {
          id: randomUUID(), name, nameFolded: foldForSearch(name), kind: body.kind, ...contacts, ...keys,
          anonymous: body.anonymous ?? false, createdAt: now, updatedAt: now,
        };
        await tx.manager.insert(Donor, donor);
        tx.publish(DonorRegisteredV1, donor.id, { donorId: donor.id, kind: donor.kind });
        return donorView(donor);
      }),
    );
  }
}
