import { Injectable } from '@nestjs/common';
import { DonorRegisteredV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { KnownDonor } from './known-donor.entity';

/** Sponsors are donors: a sponsorship names one beneficiaries has heard of. */
@Injectable()
export class LearnDonorWhenDonorRegisteredConsumer implements EventHandler<typeof DonorRegisteredV1> {
  async handle(event: EventOf<typeof DonorRegisteredV1>, tx: OutboxTransaction): Promise<void> {
    const { donorId, kind } = event.payload;
    await tx.manager.createQueryBuilder().insert().into(KnownDonor).values({ id: donorId, kind, learnedFrom: 'event' })
      .orUpdate(['kind', 'learned_from'], ['id']).execute();
  }
}
