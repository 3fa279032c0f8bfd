import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { SponsorshipCancelledV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Clock } from '../../clock/clock';
import { Sponsorship, SponsorshipView, sponsorshipView } from '../sponsorship.entity';

/** The sponsor stops: nothing is due after this month (SponsorshipCancelled). 409 unless active. */
@Injectable()
export class CancelSponsorshipHandler {
  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  execute(id: string, reason: string, actor: string): Promise<SponsorshipView> {
    return this.uow.run({ actor }, async (tx) => {
      const sponsorship = await tx.manager.findOne(Sponsorship, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!sponsorship) throw new NotFoundException(`sponsorship ${id} not found`);
      if (sponsorship.status !== 'active') throw new ConflictException(`sponsorship ${id} is ${sponsorship.status}`);
      const changes = { status: 'cancelled' as const, cancelReason: reason.trim(), cancelledOn: this.clock.today() };
      await tx.manager.update(Sponsorship, { id }, changes);
      tx.publish(SponsorshipCancelledV1, id, { sponsorshipId: id, reason: changes.cancelReason, cancelledOn: changes.cancelledOn });
      return sponsorshipView({ ...sponsorship, ...changes });
    });
  }
}
