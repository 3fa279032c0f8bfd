import { CampaignRules, Candidate, ageOn, eligibilityRefusal } from './eligibility';

describe('eligibility', () => {
  const campaign: CampaignRules = {
    id: 'c1', name: 'Month of Action', startsOn: '2026-06-01', endsOn: '2026-06-30', closed: false,
    districtCodes: ['946', '951'], eligibility: { circumstancesAny: ['orphan', 'disabled'], ageMin: 6, ageMax: 15 },
  };
  const child: Candidate = { kind: 'child', birthDate: '2014-06-15', circumstances: ['poor_household', 'orphan'], districtCode: '946' };
  const institution: Candidate = { kind: 'institution', districtCode: '951' };
  const check = (overrides: Partial<Parameters<typeof eligibilityRefusal>[0]> = {}) =>
    eligibilityRefusal({ campaignId: 'c1', campaign, on: '2026-06-10', beneficiary: child, categories: ['backpacks'], heldCategories: [], ...overrides });

  it('lets an eligible child through', () => {
    expect(check()).toBeNull();
    expect(check({ on: '2026-06-01' })).toBeNull();
    expect(check({ on: '2026-06-30' })).toBeNull();
  });

  it('refuses an unknown or closed campaign (campaign_closed)', () => {
    expect(check({ campaign: null })).toEqual({ rule: 'campaign_closed', message: 'campaign c1 is not known: it takes no allocation' });
    expect(check({ campaign: { ...campaign, closed: true } })).toEqual({ rule: 'campaign_closed', message: 'campaign Month of Action is closed: it takes no new allocation' });
    expect(check({ campaign: { ...campaign, startsOn: null, endsOn: null, name: null } })?.rule).toBe('campaign_closed');
  });

  it('refuses a date outside the campaign (outside_dates)', () => {
    expect(check({ on: '2026-05-31' })).toEqual({ rule: 'outside_dates', message: 'allocated on 2026-05-31, outside campaign Month of Action (2026-06-01 to 2026-06-30)' });
    expect(check({ on: '2026-07-01' })?.rule).toBe('outside_dates');
  });

  it('refuses a district the campaign does not cover (district), for institutions too', () => {
    expect(check({ beneficiary: { ...child, districtCode: '941' } })?.rule).toBe('district');
    expect(check({ beneficiary: { ...institution, districtCode: '941' } })?.rule).toBe('district');
    expect(check({ campaign: { ...campaign, districtCodes: [] }, beneficiary: { ...child, districtCode: '941' } })).toBeNull();
  });

  it('refuses a child with none of the circumstances (circumstance)', () => {
    expect(check({ beneficiary: { ...child, circumstances: ['poor_household'] } })).toEqual({
      rule: 'circumstance', message: 'campaign Month of Action is for children who are orphan or disabled',
    });
    expect(check({ campaign: { ...campaign, eligibility: { ageMax: 15 } }, beneficiary: { ...child, circumstances: ['poor_household'] } })).toBeNull();
  });

  it('counts age in whole years on the allocation date (age)', () => {
    // born 2014-06-15: 11 on 2026-06-14, 12 on 2026-06-15
    expect(check({ campaign: { ...campaign, eligibility: { ageMax: 11 } }, on: '2026-06-14' })).toBeNull();
    expect(check({ campaign: { ...campaign, eligibility: { ageMax: 11 } }, on: '2026-06-15' })).toEqual({
      rule: 'age', message: 'the child is 12 on 2026-06-15; campaign Month of Action is for ages 11 or younger',
    });
    expect(check({ campaign: { ...campaign, eligibility: { ageMin: 12 } }, on: '2026-06-14' })?.rule).toBe('age');
    expect(check({ campaign: { ...campaign, eligibility: { ageMin: 12 } }, on: '2026-06-15' })).toBeNull();
  });

  it('allows one allocation per category per campaign (already_received), institutions excepted', () => {
    expect(check({ heldCategories: ['backpacks'] })).toEqual({ rule: 'already_received', message: 'the child already has an allocation of backpacks in this campaign' });
    expect(check({ heldCategories: ['bicycles'] })).toBeNull();
    expect(check({ beneficiary: institution, heldCategories: ['backpacks'] })).toBeNull();
  });

  it('checks the rules in order: campaign first, then the child, then what it holds', () => {
    expect(check({ on: '2026-07-01', beneficiary: { ...child, districtCode: '941' }, heldCategories: ['backpacks'] })?.rule).toBe('outside_dates');
    expect(check({ beneficiary: { ...child, districtCode: '941', circumstances: [] }, heldCategories: ['backpacks'] })?.rule).toBe('district');
  });

  it('ageOn handles birthdays and 29 February', () => {
    expect(ageOn('2012-08-15', '2028-08-14')).toBe(15);
    expect(ageOn('2012-08-15', '2028-08-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});
