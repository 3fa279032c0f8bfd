import { Injectable } from '@nestjs/common';
import { SponsorshipEndedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Clock } from '../../clock/clock';

/**
 * Marks ended every active sponsorship whose end month is behind us and publishes SponsorshipEnded for each, once:
 * the status change and the event commit together, and an ended one is never picked again.
 */
@Injectable()
export class EndSponsorshipsHandler {
  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  execute(): Promise<string[]> {
    const month = this.clock.month();
    const now = this.clock.now();
    return this.uow.run({ actor: 'sponsorship-schedule' }, async (tx) => {
      // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's postgres driver.
      const [ended]: [{ id: string; end_month: string }[], number] = await tx.manager.query(
        `UPDATE sponsorships SET status = 'ended', ended_at = $2 WHERE status = 'active' AND end_month < $1 RETURNING id, end_month`,
        [month, now],
      );
      for (const s of ended) tx.publish(SponsorshipEndedV1, s.id, { sponsorshipId: s.id, endMonth: s.end_month });
      return ended.map((s) => s.id);
    });
  }
}
