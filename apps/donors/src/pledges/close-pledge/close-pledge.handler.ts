import { ConflictException, Injectable } from '@nestjs/common';
import { PledgeClosedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Pledge } from '../pledge.entity';
import { PledgeView, lockPledgeForChange, pledgeView } from '../pledge-view';

/**
 * Ends a partly received pledge, forgiving what never came: status `closed`, PledgeClosed. Its received goods
 * stay the fund's and are still counted as they are delivered. Only a partially_received pledge can be closed
 * (409 otherwise: one with nothing received is cancelled instead; a received one has nothing left to forgive).
 * Closing again answers the same and publishes nothing.
 */
@Injectable()
export class ClosePledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, reason: string, actor: string): Promise<PledgeView> {
    return this.uow.run({ actor }, async (tx) => {
      const { pledge, lines } = await lockPledgeForChange(tx.manager, id);
      if (pledge.status === 'closed') return pledgeView(pledge, lines);
      if (pledge.status !== 'partially_received') {
        const why = pledge.status === 'pledged' ? 'nothing has been received yet (cancel it instead)' : `it is ${pledge.status}`;
        throw new ConflictException(`pledge ${id} cannot be closed: ${why}`);
      }
      const changes = { status: 'closed' as const, closeReason: reason.trim(), updatedAt: new Date() };
      await tx.manager.update(Pledge, { id }, changes);
      tx.publish(PledgeClosedV1, id, { pledgeId: id, reason: changes.closeReason });
      return pledgeView({ ...pledge, ...changes }, lines);
    });
  }
}
