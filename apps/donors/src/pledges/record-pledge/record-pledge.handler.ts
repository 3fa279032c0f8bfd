import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { PledgeRecordedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Campaign } from '../../campaigns/campaign.entity';
import { Donor } from '../../donors/donor.entity';
import { Pledge, PledgeView, pledgeView } from '../pledge.entity';
import { RecordPledgeDto } from './record-pledge.dto';

/** The request in a canonical form, so a retry of the same body always hashes the same. */
const requestHashOf = (body: RecordPledgeDto) =>
  createHash('sha256')
    .update(JSON.stringify({
      donorId: body.donorId,
      campaignId: body.campaignId ?? null,
      lines: body.lines.map((l) => [l.itemCode, l.quantity, l.unitValueVnd ?? null]),
    }))
    .digest('hex');

/**
 * Records a pledge and PledgeRecorded in one transaction. The Idempotency-Key makes a retried POST (a
 * timeout on a phone, a double click) answer with the first pledge instead of recording a second one.
 */
@Injectable()
export class RecordPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RecordPledgeDto, actor: string, idempotencyKey: string): Promise<PledgeView> {
    const requestHash = requestHashOf(body);
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Pledge, idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new UnprocessableEntityException(`Idempotency-Key ${idempotencyKey} was already used for a different pledge (${earlier.id})`);
        }
        return pledgeView(earlier);
      }
      const donor = await tx.manager.findOneBy(Donor, { id: body.donorId });
      if (!donor) throw new UnprocessableEntityException(`donor ${body.donorId} not found`);
      if (body.campaignId && !(await tx.manager.existsBy(Campaign, { id: body.campaignId }))) {
        throw new UnprocessableEntityException(`campaign ${body.campaignId} not found`);
      }
      const now = new Date();
      const pledge: Pledge = {
        id: randomUUID(),
        donorId: donor.id,
        campaignId: body.campaignId ?? null,
        status: 'pledged',
        lines: body.lines.map((l) => ({ itemCode: l.itemCode, unitValueVnd: l.unitValueVnd ?? null, pledged: l.quantity, received: 0, delivered: 0 })),
        cancelReason: null,
        idempotencyKey,
        requestHash,
        createdAt: now,
        updatedAt: now,
      };
      await tx.manager.insert(Pledge, pledge);
      tx.publish(PledgeRecordedV1, pledge.id, {
        pledgeId: pledge.id,
        donorId: donor.id,
        donorKind: donor.kind,
        campaignId: pledge.campaignId,
        lines: pledge.lines.map((l) => ({ itemCode: l.itemCode, quantity: l.pledged, unitValueVnd: l.unitValueVnd })),
      });
      return pledgeView(pledge);
    });
  }
}
