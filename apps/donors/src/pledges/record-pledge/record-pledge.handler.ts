import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PledgeRecordedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { EntityManager } from 'typeorm';
import { IdempotentAnswer, IdempotentRequest, answerOnce, firstFutureDate, fundDateOf } from '@giftflow/platform';
import { Campaign } from '../../campaigns/campaign.entity';
import { Donor } from '../../donors/donor.entity';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { PledgeView, pledgeView } from '../pledge-view';
import { RecordPledgeDto } from './record-pledge.dto';

/**
 * Records a pledge and PledgeRecorded in one transaction, with its answer stored under its Idempotency-Key
 * (answerOnce): a retried POST (a timeout on a phone, a double click) answers the first pledge as it was
 * answered then, instead of recording a second one. The campaign row is share-locked, so a pledge and the
 * campaign's close are serialised: a closed campaign takes no new pledge (409).
 */
@Injectable()
export class RecordPledgeHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RecordPledgeDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<PledgeView>> {
    return this.uow.run({ actor }, (tx) =>
      answerOnce(tx.manager, request, async () => {
        const now = new Date();
        const future = firstFutureDate({ pledgedOn: body.pledgedOn }, now);
        if (future) throw new UnprocessableEntityException(`${future.field} ${future.date} is in the future (today is ${fundDateOf(now)})`);
        if (body.campaignId) {
          const campaign = await tx.manager.findOne(Campaign, { where: { id: body.campaignId }, lock: { mode: 'pessimistic_read' } });
          if (!campaign) throw new UnprocessableEntityException(`campaign ${body.campaignId} not found`);
          if (campaign.status === 'closed') throw new ConflictException(`campaign ${campaign.id} is closed and takes no new pledge`);
        }
        const id = randomUUID();
        const pledge: Pledge = {
          id, donorId: body.donorId, campaignId: body.campaignId ?? null, status: 'pledged',
          pledgedOn: body.pledgedOn ?? fundDateOf(now), expectedOn: body.expectedOn ?? null, walkIn: false,
          cancelReason: null, closeReason: null, createdAt: now, updatedAt: now,
        };
        const lines: PledgeLine[] = body.lines.map((l, i) => ({
          pledgeId: id, lineNo: i + 1, itemCode: l.itemCode, unitValueVnd: l.unitValueVnd ?? null, pledged: l.quantity, received: 0, delivered: 0,
        }));
        const donor = await insertPledgeWithLines(tx.manager, pledge, lines);
        if (!donor) throw new UnprocessableEntityException(`donor ${body.donorId} not found`);
        tx.publish(PledgeRecordedV1, id, {
          pledgeId: id,
          donorId: donor.id,
          donorKind: donor.kind,
          campaignId: pledge.campaignId,
          lines: lines.map((l) => ({ itemCode: l.itemCode, quantity: l.pledged, unitValueVnd: l.unitValueVnd })),
          pledgedOn: pledge.pledgedOn,
          ...(pledge.expectedOn && { expectedOn: pledge.expectedOn }),
        });
        return pledgeView(pledge, lines);
      }),
    );
  }
}

/**
 * The pledge and its lines in one statement, one round trip without the query builder: this is the busiest write
 * (bench:api). The donor is read in the same statement: no donor, no rows written and null returned (the caller
 * answers 422 and rolls back). The lines' foreign key is checked at the end of the statement, when the pledge row is there.
 */
async function insertPledgeWithLines(m: EntityManager, pledge: Pledge, lines: PledgeLine[]): Promise<Pick<Donor, 'id' | 'kind'> | null> {
  const [donor]: Pick<Donor, 'id' | 'kind'>[] = await m.query(
    `WITH donor AS (SELECT id, kind FROM donors WHERE id = $2),
     pledge AS (
       INSERT INTO pledges (id, donor_id, campaign_id, status, pledged_on, expected_on, walk_in, cancel_reason, close_reason, created_at, updated_at)
       SELECT $1, donor.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM donor RETURNING id),
     lines AS (
       INSERT INTO pledge_lines (pledge_id, line_no, item_code, unit_value_vnd, pledged, received, delivered)
       SELECT pledge.id, l.line_no, l.item_code, l.unit_value_vnd, l.pledged, l.received, l.delivered
         FROM pledge, unnest($12::integer[], $13::text[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[])
              AS l(line_no, item_code, unit_value_vnd, pledged, received, delivered))
     SELECT id, kind FROM donor`,
    [
      pledge.id, pledge.donorId, pledge.campaignId, pledge.status, pledge.pledgedOn, pledge.expectedOn, pledge.walkIn,
      pledge.cancelReason, pledge.closeReason, pledge.createdAt, pledge.updatedAt,
      lines.map((l) => l.lineNo), lines.map((l) => l.itemCode), lines.map((l) => l.unitValueVnd),
      lines.map((l) => l.pledged), lines.map((l) => l.received), lines.map((l) => l.delivered),
    ],
  );
  return donor ?? null;
}
