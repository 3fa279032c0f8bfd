import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Created, claimIdempotencyKey } from '../../idempotency/claim-idempotency-key';
import { Donor } from '../donor.entity';
import { RegisterDonorDto } from './register-donor.dto';

/** Records a donor; the event carries only the id and kind (contacts stay here). */
@Injectable()
export class RegisterDonorHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterDonorDto, actor: string, idempotencyKey: string | null): Promise<Created<Donor>> {
    return this.uow.run({ actor }, async (tx) => {
      const id = randomUUID();
      const earlier = await claimIdempotencyKey(tx.manager, { scope: 'donors', key: idempotencyKey, body, resourceId: id });
      if (earlier) return { view: await tx.manager.findOneByOrFail(Donor, { id: earlier }), replayed: true };
      const donor: Donor = { id, name: body.name.trim(), kind: body.kind, phone: body.phone ?? null, email: body.email ?? null, createdAt: new Date() };
      await tx.manager.insert(Donor, donor);
      tx.publish(DonorRegisteredV1, donor.id, { donorId: donor.id, kind: donor.kind });
      return { view: donor, replayed: false };
    });
  }
}
