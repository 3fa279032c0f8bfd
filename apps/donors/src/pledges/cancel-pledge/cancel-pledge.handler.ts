import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { PledgeCancelledV1, PledgeStatusChangedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Pledge, PledgeView, pledgeView } from '../pledge.entity';

/** A donor withdraws a pledge. Only while nothing has arrived: received goods are the fund's to give out. */
@Injectable()
export class CancelPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, reason: string, actor: string): Promise<PledgeView> {
    return this.uow.run({ actor }, async (tx) => {
      const pledge = await tx.manager.findOne(Pledge, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!pledge) throw new NotFoundException(`pledge ${id} not found`);
      if (pledge.status === 'cancelled') return pledgeView(pledge);
      if (pledge.status !== 'pledged') throw new ConflictException(`pledge ${id} is ${pledge.status}: goods have already been received`);
      const changes = { status: 'cancelled' as const, cancelReason: reason.trim(), updatedAt: new Date() };
      await tx.manager.update(Pledge, { id }, changes);
      tx.publish(PledgeCancelledV1, id, { pledgeId: id, reason: changes.cancelReason });
      tx.publish(PledgeStatusChangedV1, id, { pledgeId: id, from: pledge.status, to: 'cancelled' });
      return pledgeView({ ...pledge, ...changes });
    });
  }
}
