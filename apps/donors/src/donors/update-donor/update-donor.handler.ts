import { Injectable, NotFoundException } from '@nestjs/common';
import { DonorUpdatedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { foldForSearch } from '@giftflow/platform';
import { Donor } from '../donor.entity';
import { DonorView, donorView } from '../donor.view';
import { duplicateKeysOf } from '../duplicate-keys';
import { refusePossibleDuplicates } from '../possible-duplicates';
import { UpdateDonorDto } from './update-donor.dto';

const text = (value: string | null | undefined, current: string | null) => (value === undefined ? current : value?.trim() || null);

/**
 * Corrects a donor's record. DonorUpdated (id and kind only, like DonorRegistered) is published when anything
 * changed; a PATCH that changes nothing publishes nothing. New contacts are checked for duplicates as on
 * registration (other donors only).
 */
@Injectable()
export class UpdateDonorHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, body: UpdateDonorDto, actor: string): Promise<DonorView> {
    return this.uow.run({ actor }, async (tx) => {
      const donor = await tx.manager.findOne(Donor, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!donor) throw new NotFoundException(`donor ${id} not found`);
      const name = body.name?.trim() ?? donor.name;
      const contacts = { phone: text(body.phone, donor.phone), email: text(body.email, donor.email), taxCode: text(body.taxCode, donor.taxCode) };
      const keys = duplicateKeysOf(contacts);
      const changedKeys = {
        phoneKey: keys.phoneKey !== donor.phoneKey ? keys.phoneKey : null,
        emailKey: keys.emailKey !== donor.emailKey ? keys.emailKey : null,
        taxCodeKey: keys.taxCodeKey !== donor.taxCodeKey ? keys.taxCodeKey : null,
      };
      await refusePossibleDuplicates(tx.manager, changedKeys, { confirmed: body.confirmNotDuplicate === true, exceptId: id });

      const next: Donor = {
        ...donor, name, nameFolded: foldForSearch(name), kind: body.kind ?? donor.kind, ...contacts, ...keys,
        anonymous: body.anonymous ?? donor.anonymous,
      };
      const fields = ['name', 'kind', 'phone', 'email', 'taxCode', 'anonymous'] as const;
      if (fields.every((f) => next[f] === donor[f])) return donorView(donor);
      next.updatedAt = new Date();
      const { id: _, ...changes } = next;
      await tx.manager.update(Donor, { id }, changes);
      tx.publish(DonorUpdatedV1, id, { donorId: id, kind: next.kind });
      return donorView(next);
    });
  }
}
