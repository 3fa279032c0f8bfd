/**
 * Demo data from the Soc Trang Provincial Children's Fund report for the first six months of 2023 (the report
 * giftflow was born from, summarised in docs/source-report.md). The reference data lives in
 * seeds/reference/ (administrative units with their official codes, catalogue and warehouses, partners and
 * institutions) and the fictional children in seeds/population.ts; this file keeps the short, keyed views the tests
 * and the loader use. Every value here is a valid body for today's POST routes.
 */
import { CATALOGUE, PROVINCIAL_WAREHOUSE } from './reference/catalogue';
import { INSTITUTION_SEEDS, PARTNERS } from './reference/partners';
import { DISTRICT_UNITS } from './reference/soc-trang';

const district = (code: string) => {
  const unit = DISTRICT_UNITS.find((d) => d.code === code)!;
  return { code: unit.code, name: unit.nameAscii, nameVi: unit.name };
};

/** Soc Trang's district-level units, by their official codes (province 94). */
export const DISTRICTS = {
  socTrangCity: district('941'),
  chauThanh: district('942'),
  keSach: district('943'),
  myTu: district('944'),
  cuLaoDung: district('945'),
  longPhu: district('946'),
  myXuyen: district('947'),
  ngaNam: district('948'),
  thanhTri: district('949'),
  vinhChau: district('950'),
  tranDe: district('951'),
} as const;

export const CAMPAIGNS = {
  monthOfAction: { name: 'Month of Action for Children' },
  midAutumn: { name: 'Mid-Autumn Festival gifts for children in special circumstances' },
} as const;

/** A POST /items body (without `stocked`, which only the warehouse branch's inventory accepts). */
const item = ({ stocked: _, ...body }: (typeof CATALOGUE)[keyof typeof CATALOGUE]) => body;

/** "20 bicycles from benefactors"; unit values are the fund's illustrative valuations. */
export const ITEMS = {
  bicycle: item(CATALOGUE.bicycle),
  backpack: item(CATALOGUE.backpack),
  notebooks: item(CATALOGUE.notebooks),
  milk: item(CATALOGUE.milk),
  scholarship: item(CATALOGUE.scholarship),
  giftPackage: item(CATALOGUE.giftPackage),
} as const;

/** POST /donors bodies. */
const donor = ({ name, kind }: { name: string; kind: string }) => ({ name, kind });
export const DONORS = {
  navy: donor(PARTNERS.navy),
  hospital: donor(PARTNERS.hospital),
  youthUnion: donor(PARTNERS.youthUnion),
  benefactor: donor(PARTNERS.benefactor),
} as const;

/** POST /institutions bodies without residents (the loader adds them). */
const institution = ({ name, kind, districtCode }: { name: string; kind: string; districtCode: string }) => ({ name, kind, districtCode });
export const INSTITUTIONS = {
  nangNhonPagoda: institution(INSTITUTION_SEEDS.nangNhonPagoda),
  socialProtection: institution(INSTITUTION_SEEDS.socialProtection),
  disabledSchool: institution(INSTITUTION_SEEDS.disabledSchool),
} as const;

export const WAREHOUSES = {
  provincial: { ...PROVINCIAL_WAREHOUSE },
} as const;

/** The report's headline figures, for demo screens and load tests. */
export const REPORT_FIGURES = {
  gifts: 5_935,
  scholarships: 509,
  bicycles: 20,
  childrenSupportedInMonthOfAction: 1_284,
  giftsAtDialogue: 39,
  sponsoredOrphans: 5,
  sponsorshipVndPerMonth: 500_000,
  heartScreenings: 180,
  heartSurgeries: 25,
  communes: 109,
} as const;
