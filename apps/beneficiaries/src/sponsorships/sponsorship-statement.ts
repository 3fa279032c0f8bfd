import { EntityManager, In } from 'typeorm';
import { Statement, statement } from './sponsorship-schedule';
import { Sponsorship, SponsorshipInstalment, scheduleEnd } from './sponsorship.entity';

/** Statements of these sponsorships as of `currentMonth`, by id (one query for all their instalments). */
export async function statementsOf(m: EntityManager, sponsorships: Sponsorship[], currentMonth: string): Promise<Map<string, Statement>> {
  const instalments = sponsorships.length ? await m.findBy(SponsorshipInstalment, { sponsorshipId: In(sponsorships.map((s) => s.id)) }) : [];
  return new Map(sponsorships.map((s) => [s.id, statement({
    startMonth: s.startMonth, lastMonth: scheduleEnd(s), monthlyAmountVnd: s.monthlyAmountVnd, currentMonth,
    instalments: instalments.filter((i) => i.sponsorshipId === s.id),
  })]));
}

