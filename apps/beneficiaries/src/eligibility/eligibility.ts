/**
 * Who may receive what from a campaign (issue #9). Pure functions of their inputs: the handlers load the
 * campaign, the beneficiary and what it already holds, and ask here.
 */

export const ELIGIBILITY_RULES = ['campaign_closed', 'outside_dates', 'circumstance', 'age', 'district', 'already_received'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export interface Refusal {
  rule: EligibilityRule;
  message: string;
}

/** What beneficiaries knows of a campaign (from CampaignOpened/CampaignClosed, or one look-up at donors). */
export interface CampaignRules {
  id: string;
  /** null while only its closing is known (CampaignClosed came first). */
  name: string | null;
  startsOn: string | null;
  endsOn: string | null;
  closed: boolean;
  districtCodes: string[] | null;
  eligibility: { circumstancesAny?: string[]; ageMin?: number; ageMax?: number } | null;
}

export type Candidate =
  | { kind: 'child'; birthDate: string; circumstances: readonly string[]; districtCode: string }
  | { kind: 'institution'; districtCode: string };

/** Age in whole years on `on` (both "YYYY-MM-DD"); a 29 February birthday comes on 1 March in other years. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Whether the campaign takes allocations dated `on`: known, open, and `on` within its dates. */
export function campaignRefusal(campaign: CampaignRules | null, campaignId: string, on: string): Refusal | null {
  if (!campaign) return { rule: 'campaign_closed', message: `campaign ${campaignId} is not known: it takes no allocation` };
  const name = campaign.name ?? campaign.id;
  if (campaign.closed) return { rule: 'campaign_closed', message: `campaign ${name} is closed: it takes no new allocation` };
  if (!campaign.startsOn || !campaign.endsOn) return { rule: 'campaign_closed', message: `campaign ${name} is not open` };
  if (on < campaign.startsOn || on > campaign.endsOn) {
    return { rule: 'outside_dates', message: `allocated on ${on}, outside campaign ${name} (${campaign.startsOn} to ${campaign.endsOn})` };
  }
  return null;
}

/** Whether the beneficiary meets the campaign's districts and eligibility on `on` (institutions: districts only). */
export function beneficiaryRefusal(campaign: CampaignRules, beneficiary: Candidate, on: string): Refusal | null {
  const name = campaign.name ?? campaign.id;
  const districts = campaign.districtCodes ?? [];
  if (districts.length > 0 && !districts.includes(beneficiary.districtCode)) {
    return { rule: 'district', message: `district ${beneficiary.districtCode} is not among campaign ${name}'s districts (${districts.join(', ')})` };
  }
  if (beneficiary.kind === 'institution') return null;
  const { circumstancesAny = [], ageMin, ageMax } = campaign.eligibility ?? {};
  if (circumstancesAny.length > 0 && !beneficiary.circumstances.some((c) => circumstancesAny.includes(c))) {
    return { rule: 'circumstance', message: `campaign ${name} is for children who are ${circumstancesAny.join(' or ')}` };
  }
  const age = ageOn(beneficiary.birthDate, on);
  if ((ageMin !== undefined && age < ageMin) || (ageMax !== undefined && age > ageMax)) {
    const range = ageMin !== undefined && ageMax !== undefined ? `${ageMin} to ${ageMax}` : ageMin !== undefined ? `${ageMin} or older` : `${ageMax} or younger`;
    return { rule: 'age', message: `the child is ${age} on ${on}; campaign ${name} is for ages ${range}` };
  }
  return null;
}

/**
 * A child holds at most one allocation of an item category per campaign (not counting rejected or cancelled
 * ones); `held` are the categories of what it already holds in this campaign. Institutions are excepted.
 */
export function alreadyReceivedRefusal(beneficiary: Pick<Candidate, 'kind'>, wanted: readonly string[], held: readonly string[]): Refusal | null {
  if (beneficiary.kind === 'institution') return null;
  const twice = [...new Set(wanted.filter((c) => held.includes(c)))];
  if (twice.length === 0) return null;
  return { rule: 'already_received', message: `the child already has an allocation of ${twice.join(', ')} in this campaign` };
}

/** Every rule, in order: the campaign, then the beneficiary, then what it already holds. */
export function eligibilityRefusal(input: {
  campaignId: string;
  campaign: CampaignRules | null;
  on: string;
  beneficiary: Candidate;
  categories: readonly string[];
  heldCategories: readonly string[];
}): Refusal | null {
  const { campaignId, campaign, on, beneficiary } = input;
  return campaignRefusal(campaign, campaignId, on)
    ?? beneficiaryRefusal(campaign!, beneficiary, on)
    ?? alreadyReceivedRefusal(beneficiary, input.categories, input.heldCategories);
}
