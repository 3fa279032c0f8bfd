import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Donor, DonorView, donorView } from '../donor.entity';
import { RegisterDonorDto } from './register-donor.dto';

/** Records a donor; the event carries only the id and kind (contacts stay here). */
@Injectable()
export class RegisterDonorHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterDonorDto, actor: string, idempotencyKey: string | null): Promise<DonorView> {
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Donor, idempotencyKey);
      if (earlier) return donorView(earlier);
      const donor: Donor = {
        id: randomUUID(), name: body.name.trim(), kind: body.kind, phone: body.phone ?? null, email: body.email ?? null,
        idempotencyKey, createdAt: new Date(),
      };
      await tx.manager.insert(Donor, donor);
      tx.publish(DonorRegisteredV1, donor.id, { donorId: donor.id, kind: donor.kind });
      return donorView(donor);
    });
  }
}
