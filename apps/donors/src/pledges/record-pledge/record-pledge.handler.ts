import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PledgeRecordedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Campaign } from '../../campaigns/campaign.entity';
import { Donor } from '../../donors/donor.entity';
import { Created, claimIdempotencyKey } from '../../idempotency/claim-idempotency-key';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { PledgeView, findPledgeView, pledgeView } from '../pledge-view';
import { RecordPledgeDto } from './record-pledge.dto';

/**
 * Records a pledge and PledgeRecorded in one transaction. The Idempotency-Key makes a retried POST (a
 * timeout on a phone, a double click) answer with the first pledge, as it stands now, instead of recording
 * a second one.
 */
@Injectable()
export class RecordPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RecordPledgeDto, actor: string, idempotencyKey: string): Promise<Created<PledgeView>> {
    return this.uow.run({ actor }, async (tx) => {
      const id = randomUUID();
      const earlier = await claimIdempotencyKey(tx.manager, { scope: 'pledges', key: idempotencyKey, body, resourceId: id });
      if (earlier) return { view: (await findPledgeView(tx.manager, earlier))!, replayed: true };

      const donor = await tx.manager.findOneBy(Donor, { id: body.donorId });
      if (!donor) throw new UnprocessableEntityException(`donor ${body.donorId} not found`);
      if (body.campaignId && !(await tx.manager.existsBy(Campaign, { id: body.campaignId }))) {
        throw new UnprocessableEntityException(`campaign ${body.campaignId} not found`);
      }
      const now = new Date();
      const pledge: Pledge = {
        id, donorId: donor.id, campaignId: body.campaignId ?? null, status: 'pledged', cancelReason: null, createdAt: now, updatedAt: now,
      };
      const lines: PledgeLine[] = body.lines.map((l, i) => ({
        pledgeId: id, lineNo: i + 1, itemCode: l.itemCode, unitValueVnd: l.unitValueVnd ?? null, pledged: l.quantity, received: 0, delivered: 0,
      }));
      await tx.manager.insert(Pledge, pledge);
      await tx.manager.insert(PledgeLine, lines);
      tx.publish(PledgeRecordedV1, id, {
        pledgeId: id,
        donorId: donor.id,
        donorKind: donor.kind,
        campaignId: pledge.campaignId,
        lines: lines.map((l) => ({ itemCode: l.itemCode, quantity: l.pledged, unitValueVnd: l.unitValueVnd })),
      });
      return { view: pledgeView(pledge, lines), replayed: false };
    });
  }
}
