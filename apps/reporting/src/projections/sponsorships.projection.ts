import {
  EventOf, SponsorshipCancelledV1, SponsorshipEndedV1, SponsorshipEnrolledV1, SponsorshipInstalmentPaidV1,
} from '@giftflow/contracts';
import { SPONSORSHIPS, SPONSORSHIP_INSTALMENTS, SPONSORSHIP_STOPS } from './fact-tables';
import { ProjectionTarget, insertFacts } from './projection-target';

export function recordSponsorship(event: EventOf<typeof SponsorshipEnrolledV1>, target: ProjectionTarget): void {
  const p = event.payload;
  insertFacts(target, SPONSORSHIPS, [{
    generation: target.generation, sponsorship_id: p.sponsorshipId, donor_id: p.donorId, beneficiary_id: p.beneficiaryId, district_code: p.districtCode,
    monthly_amount_vnd: p.monthlyAmountVnd, start_month: p.startMonth, end_month: p.endMonth, campaign_id: p.campaignId, occurred_at: event.occurredAt,
  }]);
}

export function recordInstalment(event: EventOf<typeof SponsorshipInstalmentPaidV1>, target: ProjectionTarget): void {
  const p = event.payload;
  insertFacts(target, SPONSORSHIP_INSTALMENTS, [{
    generation: target.generation, event_id: event.id, sponsorship_id: p.sponsorshipId, beneficiary_id: p.beneficiaryId, donor_id: p.donorId,
    month: p.month, amount_vnd: p.amountVnd, paid_on: p.paidOn, occurred_at: event.occurredAt,
  }]);
}

/** Cancelled: nothing is due from the month it was cancelled in. */
export function recordSponsorshipCancelled(event: EventOf<typeof SponsorshipCancelledV1>, target: ProjectionTarget): void {
  insertFacts(target, SPONSORSHIP_STOPS, [{
    generation: target.generation, event_id: event.id, sponsorship_id: event.payload.sponsorshipId, kind: 'cancelled',
    last_month: monthBefore(event.payload.cancelledOn.slice(0, 7)), occurred_at: event.occurredAt,
  }]);
}

/** Ended: its end month was the last one due. */
export function recordSponsorshipEnded(event: EventOf<typeof SponsorshipEndedV1>, target: ProjectionTarget): void {
  insertFacts(target, SPONSORSHIP_STOPS, [{
    generation: target.generation, event_id: event.id, sponsorship_id: event.payload.sponsorshipId, kind: 'ended',
    last_month: event.payload.endMonth, occurred_at: event.occurredAt,
  }]);
}

export function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
