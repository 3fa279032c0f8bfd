import { parseEvent } from '@giftflow/contracts';
import { provinceYear } from './province-year.generator';

describe('provinceYear (the replay benchmark\'s stream)', () => {
  const events = [...provinceYear(20_000)];

  it('makes exactly the number of events asked for, every one valid against its contract', () => {
    expect(events).toHaveLength(20_000);
    const invalid = events.map((e) => parseEvent(JSON.parse(JSON.stringify(e)))).filter((r) => !r.ok);
    expect(invalid).toEqual([]);
  });

  it('has the mix of a year: registrations first, then mostly the allocation-to-delivery journey', () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('DeliveryConfirmed')).toBeGreaterThan(events.length * 0.12);
    expect(count('AllocationRequested')).toBeGreaterThan(count('DeliveryConfirmed'));
    for (const type of ['PledgeRecorded', 'GoodsReceived', 'StockReserved', 'DeliveryFailed', 'StockReleased', 'BeneficiaryRegistered', 'SponsorshipInstalmentPaid', 'CampaignOpened']) {
      expect(count(type)).toBeGreaterThan(0);
    }
  });
});
