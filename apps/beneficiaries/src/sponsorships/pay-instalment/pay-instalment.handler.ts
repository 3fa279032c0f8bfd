import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SponsorshipInstalmentPaidV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { businessDate } from '../../allocations/business-date';
import { Clock } from '../../clock/clock';
import { instalmentCheck } from '../sponsorship-schedule';
import { statementsOf } from '../sponsorship-statement';
import { InstalmentView, Sponsorship, SponsorshipInstalment, instalmentView } from '../sponsorship.entity';
import { PayInstalmentDto } from './pay-instalment.dto';

/** Records a payment towards one month of the schedule: SponsorshipInstalmentPaid. Payments for one sponsorship take turns. */
@Injectable()
export class PayInstalmentHandler {
  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  execute(sponsorshipId: string, body: PayInstalmentDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<InstalmentView>> {
    const paidOn = businessDate(body.paidOn, this.clock.today(), 'paidOn');
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const sponsorship = await tx.manager.findOne(Sponsorship, { where: { id: sponsorshipId }, lock: { mode: 'pessimistic_write' } });
      if (!sponsorship) throw new NotFoundException(`sponsorship ${sponsorshipId} not found`);
      const statement = (await statementsOf(tx.manager, [sponsorship], this.clock.month())).get(sponsorship.id)!;
      const check = instalmentCheck(statement, body.month, body.amountVnd);
      if (!check.ok) throw check.status === 409 ? new ConflictException(check.message) : new UnprocessableEntityException(check.message);
      const instalment: SponsorshipInstalment = {
        id: randomUUID(), sponsorshipId, month: body.month, amountVnd: body.amountVnd, paidOn, idempotencyKey: null, recordedAt: new Date(),
      };
      await tx.manager.insert(SponsorshipInstalment, instalment);
      tx.publish(SponsorshipInstalmentPaidV1, sponsorshipId, {
        sponsorshipId, beneficiaryId: sponsorship.childId, donorId: sponsorship.donorId, month: body.month, amountVnd: body.amountVnd, paidOn,
      });
      return instalmentView(instalment);
    }));
  }
}
