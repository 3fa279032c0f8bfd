/**
 * January–June 2023 of the Soc Trang Provincial Children's Fund, as `npm run demo` plays it: the campaigns the
 * half-year report names, who pledged what, and what was handed out, to how many children, on which days. The
 * quantities are chosen so the delivered totals are the report's (seeds/demo-data.ts REPORT_FIGURES):
 *
 *   gifts          3 × 1,056 (Tết, 4 × 264 children) + 160 (Navy) + 39 (dialogue: 30 students + 3 × 3 at the institutions)
 *                  + 2 × 1,284 (Month of Action)                                               = 5,935
 *   scholarships   509 (Pink Lotus) · bicycles 20 (Pink Lotus) · heart screening 180, surgery support 25
 *
 * Everything else (clothes, backpacks, notebooks and books, school supplies, milk, cabinets, household kits,
 * colouring sets, teddy bears, haircuts) is given beside them, in its own category. Days, donors and volunteers
 * are illustrative; the children are the seed's fictional population.
 */
import { CATALOGUE } from '../reference/catalogue';
import { DISTRICT_BENEFACTORS, INSTITUTION_SEEDS, PARTNERS } from '../reference/partners';
import { SPONSORED_ORPHANS } from '../population';

/** The kinds these campaigns use (donors' CAMPAIGN_KINDS; seeds run without the @giftflow path aliases). */
export type CampaignKind = 'lunar_new_year' | 'sponsorship_programme' | 'health_screening' | 'dialogue' | 'festival' | 'month_of_action';

export type CampaignKey = 'tet' | 'navy' | 'heart' | 'dialogue' | 'pinkLotus' | 'monthOfAction';

export interface CampaignStory {
  key: CampaignKey;
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  districtCodes?: string[];
}

export interface PledgeStory {
  key: string;
  campaign: CampaignKey;
  /** The donor's name as the seed registered it. */
  donor: string;
  pledgedOn: string;
  /** The goods arrive in full at the provincial warehouse on this day (services are not received). */
  receivedOn: string | null;
  lines: { itemCode: string; quantity: number }[];
}

/** A hand-out: an allocation plan committed on `allocatedOn`, its deliveries spread over `days`. */
export interface PlanStory {
  key: string;
  campaign: CampaignKey;
  name: string;
  allocatedOn: string;
  lines: { itemCode: string; quantity: number }[];
  criteria: { districtCodes?: string[]; circumstancesAny?: string[] };
  beneficiaries: number;
  /** Delivery days (the volunteers' vans leave at 08:00, hand-outs through the day). */
  days: string[];
  /** How many of the deliveries fail the first time (nobody home) and are retried two days later. */
  failing?: number;
  /** How many of the first day's deliveries a volunteer's phone, offline that day, syncs three days late. */
  offlineFirstDay?: number;
}

/** One allocation outside a plan: the institutions' gifts, the children chosen for heart surgery. */
export interface SingleAllocationStory {
  key: string;
  campaign: CampaignKey;
  allocatedOn: string;
  deliveredOn: string;
  lines: { itemCode: string; quantity: number }[];
  /** An institution by name, or the n-th child (0-based) of a plan's roster. */
  beneficiary: { institution: string } | { rosterOf: string; index: number };
}

export interface SponsorshipStory {
  campaign: CampaignKey;
  donor: string;
  orphans: { fullName: string; birthDate: string }[];
  monthlyAmountVnd: number;
  startMonth: string;
  /** Instalments paid (month → paidOn). */
  paid: { month: string; paidOn: string }[];
}

const gift = CATALOGUE.giftPackage.code;
const benefactorsOf = (districtCode: string) => DISTRICT_BENEFACTORS.find((d) => d.key === `benefactors-${districtCode}`)!.name;

export const CAMPAIGNS: readonly CampaignStory[] = [
  { key: 'tet', name: 'Lunar New Year 2023 (Tết Quý Mão) gifts', kind: 'lunar_new_year', startsOn: '2023-01-02', endsOn: '2023-01-31' },
  { key: 'navy', name: "Navy sponsors fishermen's children", kind: 'sponsorship_programme', startsOn: '2023-02-01', endsOn: '2023-12-31', districtCodes: ['950'] },
  { key: 'heart', name: 'Heart disease screening for children 2023', kind: 'health_screening', startsOn: '2023-03-15', endsOn: '2023-04-30' },
  { key: 'dialogue', name: "Children's dialogue with provincial leaders 2023", kind: 'dialogue', startsOn: '2023-05-20', endsOn: '2023-05-31' },
  { key: 'pinkLotus', name: '26th Pink Lotus festival 2023: Pink Lotus on the Moon River', kind: 'festival', startsOn: '2023-05-25', endsOn: '2023-06-25' },
  { key: 'monthOfAction', name: 'Month of Action for Children 2023', kind: 'month_of_action', startsOn: '2023-06-01', endsOn: '2023-06-30' },
];

/** Month of Action gifts pledged by the benefactors of each district-level unit: 2,568 in all. */
const MONTH_OF_ACTION_GIFTS = 2 * 1_284;
const monthOfActionPledges: PledgeStory[] = ['941', ...DISTRICT_BENEFACTORS.map((d) => d.key.slice('benefactors-'.length))].map((code, i, all) => {
  const share = Math.floor(MONTH_OF_ACTION_GIFTS / all.length);
  const quantity = i === 0 ? MONTH_OF_ACTION_GIFTS - share * (all.length - 1) : share;
  return {
    key: `moa-${code}`, campaign: 'monthOfAction', donor: code === '941' ? PARTNERS.benefactor.name : benefactorsOf(code),
    pledgedOn: `2023-05-${String(10 + i).padStart(2, '0')}`, receivedOn: '2023-05-29', lines: [{ itemCode: gift, quantity }],
  };
});

export const PLEDGES: readonly PledgeStory[] = [
  // Four givers, four lots: deliveries from different lots commit side by side.
  ...[PARTNERS.philanthropists.name, PARTNERS.benefactor.name, benefactorsOf('943'), benefactorsOf('947')].map((donor, i): PledgeStory => ({
    key: `tet-${i + 1}`, campaign: 'tet', donor, pledgedOn: `2023-01-0${3 + i}`, receivedOn: '2023-01-09',
    lines: [{ itemCode: gift, quantity: 3 * 264 }, { itemCode: CATALOGUE.clothes.code, quantity: 264 }],
  })),
  {
    key: 'navy-gifts', campaign: 'navy', donor: PARTNERS.navy.name, pledgedOn: '2023-02-06', receivedOn: '2023-02-20',
    lines: [{ itemCode: gift, quantity: 160 }, { itemCode: CATALOGUE.backpack.code, quantity: 160 }, { itemCode: CATALOGUE.notebooks.code, quantity: 160 }],
  },
  {
    key: 'dialogue-youth-union', campaign: 'dialogue', donor: PARTNERS.youthUnion.name, pledgedOn: '2023-05-20', receivedOn: '2023-05-24',
    lines: [{ itemCode: gift, quantity: 39 }],
  },
  ...[[PARTNERS.philanthropists.name, 255], [benefactorsOf('943'), 254]].map(([donor, quantity], i): PledgeStory => ({
    key: `pink-lotus-scholarships-${i + 1}`, campaign: 'pinkLotus', donor: donor as string, pledgedOn: '2023-05-26', receivedOn: '2023-06-02',
    lines: [CATALOGUE.scholarship.code, CATALOGUE.schoolSupplies.code, CATALOGUE.books.code].map((itemCode) => ({ itemCode, quantity: quantity as number })),
  })),
  {
    key: 'pink-lotus-bicycles', campaign: 'pinkLotus', donor: benefactorsOf('951'), pledgedOn: '2023-05-27', receivedOn: '2023-06-02',
    lines: [{ itemCode: CATALOGUE.bicycle.code, quantity: 20 }],
  },
  {
    key: 'pink-lotus-homes', campaign: 'pinkLotus', donor: benefactorsOf('947'), pledgedOn: '2023-05-27', receivedOn: '2023-06-03',
    lines: [
      { itemCode: CATALOGUE.cabinet.code, quantity: 60 }, { itemCode: CATALOGUE.household.code, quantity: 60 }, { itemCode: CATALOGUE.milk.code, quantity: 120 },
      { itemCode: CATALOGUE.colouringSet.code, quantity: 60 }, { itemCode: CATALOGUE.teddyBear.code, quantity: 60 },
    ],
  },
  ...monthOfActionPledges,
];

export const PLANS: readonly PlanStory[] = [
  {
    key: 'tet', campaign: 'tet', name: 'Tết gifts for children in difficult circumstances', allocatedOn: '2023-01-12',
    lines: [{ itemCode: gift, quantity: 3 }, { itemCode: CATALOGUE.clothes.code, quantity: 1 }], criteria: {}, beneficiaries: 1_056,
    days: ['2023-01-14', '2023-01-15', '2023-01-16', '2023-01-17'], failing: 3,
  },
  {
    key: 'navy', campaign: 'navy', name: "Fishermen's children of Vinh Chau", allocatedOn: '2023-02-22',
    lines: [{ itemCode: gift, quantity: 1 }, { itemCode: CATALOGUE.backpack.code, quantity: 1 }, { itemCode: CATALOGUE.notebooks.code, quantity: 1 }],
    criteria: { districtCodes: ['950'] }, beneficiaries: 160, days: ['2023-02-25'],
  },
  {
    key: 'heart-screening', campaign: 'heart', name: 'Free heart screening with the University of Medicine and Pharmacy Hospital', allocatedOn: '2023-04-03',
    lines: [{ itemCode: CATALOGUE.heartScreening.code, quantity: 1 }], criteria: { circumstancesAny: ['serious_illness', 'disabled'] },
    beneficiaries: 180, days: ['2023-04-08', '2023-04-09'],
  },
  {
    key: 'dialogue-students', campaign: 'dialogue', name: 'Gifts to disadvantaged students at the dialogue', allocatedOn: '2023-05-26',
    lines: [{ itemCode: gift, quantity: 1 }], criteria: { districtCodes: ['941'], circumstancesAny: ['poor_household'] }, beneficiaries: 30, days: ['2023-05-26'],
  },
  {
    key: 'pink-lotus-scholarships', campaign: 'pinkLotus', name: 'Pink Lotus scholarships', allocatedOn: '2023-06-05',
    lines: [{ itemCode: CATALOGUE.scholarship.code, quantity: 1 }, { itemCode: CATALOGUE.schoolSupplies.code, quantity: 1 }, { itemCode: CATALOGUE.books.code, quantity: 1 }],
    criteria: {}, beneficiaries: 509, days: ['2023-06-07', '2023-06-08'],
  },
  {
    key: 'pink-lotus-bicycles', campaign: 'pinkLotus', name: 'Bicycles for pupils who walk far', allocatedOn: '2023-06-05',
    lines: [{ itemCode: CATALOGUE.bicycle.code, quantity: 1 }], criteria: { districtCodes: ['951', '942', '949', '950'] }, beneficiaries: 20, days: ['2023-06-09'],
  },
  {
    key: 'pink-lotus-homes', campaign: 'pinkLotus', name: 'Pink Lotus homes: furnishing', allocatedOn: '2023-06-05',
    lines: [
      { itemCode: CATALOGUE.cabinet.code, quantity: 1 }, { itemCode: CATALOGUE.household.code, quantity: 1 }, { itemCode: CATALOGUE.milk.code, quantity: 2 },
      { itemCode: CATALOGUE.colouringSet.code, quantity: 1 }, { itemCode: CATALOGUE.teddyBear.code, quantity: 1 },
    ],
    criteria: { circumstancesAny: ['orphan', 'disabled'] }, beneficiaries: 60, days: ['2023-06-09'],
  },
  {
    key: 'pink-lotus-haircuts', campaign: 'pinkLotus', name: 'Free haircuts at the festival', allocatedOn: '2023-06-10',
    lines: [{ itemCode: CATALOGUE.haircut.code, quantity: 1 }], criteria: { districtCodes: ['941'] }, beneficiaries: 100, days: ['2023-06-10'],
  },
  {
    key: 'month-of-action', campaign: 'monthOfAction', name: 'Month of Action gifts', allocatedOn: '2023-06-01',
    lines: [{ itemCode: gift, quantity: 2 }], criteria: {}, beneficiaries: 1_284,
    days: ['2023-06-12', '2023-06-13', '2023-06-14', '2023-06-15', '2023-06-16'], failing: 6, offlineFirstDay: 40,
  },
];

export const SINGLE_ALLOCATIONS: readonly SingleAllocationStory[] = [
  ...Object.values(INSTITUTION_SEEDS).map((institution): SingleAllocationStory => ({
    key: `dialogue-${institution.key}`, campaign: 'dialogue', allocatedOn: '2023-05-26', deliveredOn: '2023-05-27',
    lines: [{ itemCode: gift, quantity: 3 }], beneficiary: { institution: institution.name },
  })),
  // The 25 children the screening sent to surgery: the first 25 of its roster (the highest need).
  ...Array.from({ length: 25 }, (_, index): SingleAllocationStory => ({
    key: `heart-surgery-${index + 1}`, campaign: 'heart', allocatedOn: '2023-04-20', deliveredOn: `2023-04-${String(24 + (index % 5)).padStart(2, '0')}`,
    lines: [{ itemCode: CATALOGUE.heartSurgerySupport.code, quantity: 1 }], beneficiary: { rosterOf: 'heart-screening', index },
  })),
];

export const SPONSORSHIPS: SponsorshipStory = {
  campaign: 'navy',
  donor: PARTNERS.navy.name,
  orphans: SPONSORED_ORPHANS.map(({ fullName, birthDate }) => ({ fullName, birthDate })),
  monthlyAmountVnd: 500_000,
  startMonth: '2023-03',
  paid: [
    { month: '2023-03', paidOn: '2023-03-06' }, { month: '2023-04', paidOn: '2023-04-05' },
    { month: '2023-05', paidOn: '2023-05-05' }, { month: '2023-06', paidOn: '2023-06-05' },
  ],
};
