import 'reflect-metadata';
import { ADJUSTMENT_REASONS, CAMPAIGN_KINDS, CIRCUMSTANCES, DELIVERY_FAILURE_REASONS, DONOR_KINDS, PLEDGE_STATUSES, RELATIONSHIPS } from '@giftflow/contracts';
import { ALLOCATION_STATUSES } from '../../apps/beneficiaries/src/allocations/allocation.entity';
import { SPONSORSHIP_STATUSES } from '../../apps/beneficiaries/src/sponsorships/sponsorship.entity';
import { MESSAGES } from '../../apps/console/src/messages';
import { CAMPAIGN_STATUSES } from '../../apps/donors/src/campaigns/campaign.entity';
import { DELIVERY_STATUSES } from '../../apps/inventory/src/deliveries/delivery.entity';

/**
 * The console's dictionary: both languages for every word, and a word for every code the services answer with
 * (statuses, kinds, reasons). A new code in a service without its words here fails this test, not a volunteer's screen.
 * (Keys the code names literally are checked by the compiler: t() takes only MessageKey.)
 */
describe('the console\'s messages (apps/console/src/messages.ts)', () => {
  const keys = new Set(Object.keys(MESSAGES));

  it('has a Vietnamese and an English text for every key', () => {
    for (const [key, pair] of Object.entries(MESSAGES)) {
      expect([key, pair.length, pair[0].trim().length > 0, pair[1].trim().length > 0]).toEqual([key, 2, true, true]);
    }
  });

  it.each([
    ['pledgeStatus', [...PLEDGE_STATUSES, 'closed']],
    ['allocationStatus', [...ALLOCATION_STATUSES, 'waiting']],
    ['deliveryStatus', DELIVERY_STATUSES],
    ['campaignStatus', CAMPAIGN_STATUSES],
    ['sponsorshipStatus', SPONSORSHIP_STATUSES],
    ['campaignKind', CAMPAIGN_KINDS],
    ['donorKind', DONOR_KINDS],
    ['circumstance', CIRCUMSTANCES],
    ['relationship', RELATIONSHIPS],
    ['failReason', DELIVERY_FAILURE_REASONS],
    ['adjustReason', ADJUSTMENT_REASONS],
  ] as Array<[string, readonly string[]]>)('names every %s the services answer with', (family, codes) => {
    expect(codes.filter((code) => !keys.has(`${family}.${code}`))).toEqual([]);
  });
});
