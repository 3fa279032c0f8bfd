import { ConflictException, Injectable } from '@nestjs/common';
import { PledgeCancelledV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Pledge } from '../pledge.entity';
import { publishStatusChange } from '../pledge-status';
import { PledgeView, lockPledgeForChange, pledgeView } from '../pledge-view';

/**
 * A donor withdraws a pledge. Only while nothing has arrived: received goods are the fund's to give out.
 * The pledge row is locked, so a GoodsReceived handled at the same moment either comes first (409 here)
 * or finds the pledge cancelled.
 */
@Injectable()
export class CancelPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, reason: string, actor: string): Promise<PledgeView> {
    return this.uow.run({ actor }, async (tx) => {
      const { pledge, lines } = await lockPledgeForChange(tx.manager, id);
      if (pledge.status === 'cancelled') return pledgeView(pledge, lines); // a repeated cancel changes nothing
      const received = lines.reduce((sum, l) => sum + l.received, 0);
      if (received > 0) throw new ConflictException(`pledge ${id} cannot be cancelled: ${received} of its goods have already been received`);

      const changes = { status: 'cancelled' as const, cancelReason: reason.trim(), updatedAt: new Date() };
      await tx.manager.update(Pledge, { id }, changes);
      tx.publish(PledgeCancelledV1, id, { pledgeId: id, reason: changes.cancelReason });
      publishStatusChange(tx, id, pledge.status, 'cancelled');
      return pledgeView({ ...pledge, ...changes }, lines);
    });
  }
}
