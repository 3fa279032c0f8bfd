import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { PledgeAmendedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { pledgeStatusOf, publishStatusChange } from '../pledge-status';
import { PledgeView, lockPledgeForChange, pledgeView } from '../pledge-view';
import { AmendPledgeDto } from './amend-pledge.dto';
import { amendLines } from './amend-lines';

/**
 * The donor changes what they promise before the goods arrive. Under the pledge's row lock (so a GoodsReceived
 * handled at the same moment is counted first or after, never lost): no line below what was already received
 * (422); a cancelled, closed or fulfilled pledge is not amended (409). Publishes PledgeAmended with the whole
 * new set of lines, and PledgeStatusChanged if the new quantities move the status.
 */
@Injectable()
export class AmendPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, body: AmendPledgeDto, actor: string): Promise<PledgeView> {
    return this.uow.run({ actor }, async (tx) => {
      const { pledge, lines: before } = await lockPledgeForChange(tx.manager, id);
      if (pledge.status === 'cancelled' || pledge.status === 'closed' || pledge.status === 'fulfilled') {
        throw new ConflictException(`pledge ${id} is ${pledge.status} and cannot be amended`);
      }
      const amended = amendLines(id, before, body.lines);
      if ('belowReceived' in amended) {
        throw new UnprocessableEntityException(`a pledge line cannot be below what was already received (${amended.belowReceived.join('; ')})`);
      }
      const { lines } = amended;
      const status = pledgeStatusOf(pledge.status, lines);
      const next: Pledge = { ...pledge, status, updatedAt: new Date() };
      await tx.manager.save(PledgeLine, lines);
      await tx.manager.update(Pledge, { id }, { status, updatedAt: next.updatedAt });
      tx.publish(PledgeAmendedV1, id, {
        pledgeId: id, lines: lines.map((l) => ({ itemCode: l.itemCode, quantity: l.pledged, unitValueVnd: l.unitValueVnd })),
      });
      publishStatusChange(tx, id, pledge.status, status);
      return pledgeView(next, lines);
    });
  }
}
