/**
 * A generated, entirely fictional population of children for the demo: no real child's data, ever. Names are drawn
 * from small lists of common Vietnamese (and, for ethnic-minority children, Khmer-Vietnamese) family, middle and
 * given names, birth dates and places at random — with a fixed seed, so every run produces the same children in
 * the same order, and the first N children are the same whatever the size asked for (SEED_CHILDREN=200 is a
 * prefix of the full population). Guardians are generated the same way; nobody gets a phone number.
 *
 * Circumstance groups follow the shape of the report (children in special circumstances, poor and near-poor
 * households, children with disabilities, children with heart disease, Khmer communities of Vinh Chau, Tran De and
 * My Xuyen); the proportions are illustrative, not statistics.
 */
import { seededRandom } from '../libs/testing/src/seeded-random';
import { COMMUNE_UNITS, DISTRICT_UNITS, VINH_CHAU_VINH_PHUOC_WARD, VINH_CHAU_WARD_2 } from './reference/soc-trang';

export type Circumstance = 'orphan' | 'disabled' | 'serious_illness' | 'poor_household' | 'near_poor_household' | 'ethnic_minority';

export interface ChildSeed {
  /** Stable key (c00001…): the loader's Idempotency-Key is derived from it. */
  key: string;
  fullName: string;
  birthDate: string;
  sex: 'female' | 'male';
  districtCode: string;
  communeCode: string;
  circumstances: Circumstance[];
  guardianName: string;
}

export interface SponsoredOrphan extends ChildSeed {
  /** The last month paid under the 16-year rule: due while the child is under 16 on the month's first day. */
  lastSponsoredMonth: string;
}

/** Enough children for the half-year (1,284 reached in the Month of Action alone, 180 heart screenings, …). */
export const POPULATION_SIZE = 1_800;

/** The report's five orphans in Vinh Chau town (Vinh Phuoc ward and Ward 2), sponsored by the Navy until 16. */
export const SPONSORED_ORPHANS: readonly SponsoredOrphan[] = [
  orphan(1, 'Thạch Thị Sa Ri', '2010-03-15', 'female', VINH_CHAU_VINH_PHUOC_WARD, 'Thạch Văn Hên', '2026-03'),
  orphan(2, 'Trần Minh Khang', '2011-07-01', 'male', VINH_CHAU_WARD_2, 'Trần Thị Lụa', '2027-06'),
  orphan(3, 'Lâm Ngọc Trâm', '2012-08-15', 'female', VINH_CHAU_VINH_PHUOC_WARD, 'Lâm Văn Sóc', '2028-08'),
  orphan(4, 'Nguyễn Gia Huy', '2013-11-20', 'male', VINH_CHAU_WARD_2, 'Nguyễn Thị Bé', '2029-11'),
  orphan(5, 'Sơn Thị Bô Pha', '2014-05-01', 'female', VINH_CHAU_VINH_PHUOC_WARD, 'Sơn Văn Phol', '2030-04'),
];

function orphan(n: number, fullName: string, birthDate: string, sex: 'female' | 'male', communeCode: string, guardianName: string, lastSponsoredMonth: string): SponsoredOrphan {
  return {
    key: childKey(n), fullName, birthDate, sex, districtCode: '950', communeCode,
    circumstances: ['orphan', 'poor_household'], guardianName, lastSponsoredMonth,
  };
}

function childKey(n: number): string {
  return `c${String(n).padStart(5, '0')}`;
}

/** Lower case, no diacritics, đ read as d: how beneficiaries compares names for duplicates. */
export const foldName = (name: string): string =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

const KINH_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Tô'];
const KHMER_FAMILY = ['Thạch', 'Danh', 'Sơn', 'Kim', 'Lâm', 'Lý', 'Triệu', 'Châu'];
const MIDDLE = { female: ['Thị', 'Ngọc', 'Thanh', 'Kim', 'Bảo', 'Minh', 'Gia', 'Mỹ'], male: ['Văn', 'Minh', 'Quốc', 'Gia', 'Hoàng', 'Thanh', 'Đức', 'Hữu'] };
const GIVEN = {
  female: ['An', 'Anh', 'Châu', 'Diễm', 'Giang', 'Hà', 'Hân', 'Hương', 'Linh', 'Mai', 'My', 'Ngân', 'Nhi', 'Như', 'Quyên', 'Thảo', 'Thư', 'Trâm', 'Trinh', 'Vy', 'Yến', 'Đào'],
  male: ['An', 'Bảo', 'Bình', 'Cường', 'Duy', 'Đạt', 'Hiếu', 'Huy', 'Khang', 'Khoa', 'Kiệt', 'Lộc', 'Nam', 'Nghĩa', 'Phúc', 'Quân', 'Tài', 'Thịnh', 'Tín', 'Trí', 'Tuấn', 'Đông'],
};
const GUARDIAN_GIVEN = { female: ['Lan', 'Hoa', 'Cúc', 'Hồng', 'Loan', 'Nga', 'Tuyết', 'Xuân'], male: ['Hùng', 'Dũng', 'Hải', 'Sơn', 'Thành', 'Tâm', 'Phong', 'Lợi'] };

/** Roughly where the children the fund serves live: more in the large rural districts. Weights, not statistics. */
const DISTRICT_WEIGHTS: Record<string, number> = {
  '941': 150, '942': 130, '943': 190, '944': 130, '945': 80, '946': 140, '947': 170, '948': 100, '949': 120, '950': 200, '951': 190,
};
/** Share of ethnic-minority (mostly Khmer) children by district: high in Vinh Chau, Tran De, My Xuyen. Illustrative. */
const ETHNIC_MINORITY_SHARE: Record<string, number> = {
  '941': 0.3, '942': 0.35, '943': 0.15, '944': 0.3, '945': 0.05, '946': 0.2, '947': 0.4, '948': 0.15, '949': 0.3, '950': 0.55, '951': 0.45,
};
/** The child's main circumstance group. serious_illness stands for the heart-disease cases the screening looks for. */
const MAIN_GROUPS: Array<[Circumstance, number]> = [
  ['poor_household', 0.45], ['near_poor_household', 0.22], ['serious_illness', 0.12], ['disabled', 0.1], ['orphan', 0.06], ['ethnic_minority', 0.05],
];

const POPULATION_SEED = 20_230_101;
const BIRTH_YEARS = { from: 2010, to: 2022 };

/**
 * The first `count` children of the demo population (the five sponsored orphans first). Deterministic; every child's
 * name + birth date + commune is unique (ignoring case and diacritics), so beneficiaries' duplicate rule never fires
 * inside the population.
 */
export function generateChildren(count = POPULATION_SIZE): ChildSeed[] {
  const random = seededRandom(POPULATION_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const districts = DISTRICT_UNITS.map((d) => d.code);
  const totalWeight = districts.reduce((sum, code) => sum + DISTRICT_WEIGHTS[code], 0);
  const pickDistrict = (): string => {
    let r = random() * totalWeight;
    for (const code of districts) {
      r -= DISTRICT_WEIGHTS[code];
      if (r < 0) return code;
    }
    return districts[districts.length - 1];
  };
  const pickGroup = (): Circumstance => {
    let r = random();
    for (const [group, share] of MAIN_GROUPS) {
      r -= share;
      if (r < 0) return group;
    }
    return 'poor_household';
  };

  const children: ChildSeed[] = SPONSORED_ORPHANS.slice(0, count).map(({ lastSponsoredMonth: _, ...child }) => child);
  const seen = new Set(children.map(identity));
  for (let n = children.length + 1; n <= count; n += 1) {
    const districtCode = pickDistrict();
    const communes = COMMUNE_UNITS.filter((c) => c.districtCode === districtCode);
    const communeCode = pick(communes).code;
    const sex: 'female' | 'male' = random() < 0.5 ? 'female' : 'male';
    const minority = random() < ETHNIC_MINORITY_SHARE[districtCode];
    let main = pickGroup();
    if (main === 'ethnic_minority' && !minority) main = 'poor_household';
    const circumstances = new Set<Circumstance>([main]);
    if (minority) circumstances.add('ethnic_minority');
    if ((main === 'disabled' || main === 'serious_illness' || main === 'orphan') && random() < 0.35) circumstances.add('poor_household');
    const year = BIRTH_YEARS.from + Math.floor(random() * (BIRTH_YEARS.to - BIRTH_YEARS.from + 1));
    const birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const family = pick(minority ? KHMER_FAMILY : KINH_FAMILY);
    let child: ChildSeed;
    do {
      child = {
        key: childKey(n),
        fullName: `${family} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`,
        birthDate, sex, districtCode, communeCode,
        circumstances: [...circumstances],
        guardianName: guardian(random() < 0.6 ? 'female' : 'male', family, pick),
      };
    } while (seen.has(identity(child)));
    seen.add(identity(child));
    children.push(child);
  }
  return children;
}

function guardian(sex: 'female' | 'male', family: string, pick: <T>(list: readonly T[]) => T): string {
  // A mother often has her own family name; a father shares the child's.
  const familyName = sex === 'male' ? family : pick(KINH_FAMILY);
  return `${familyName} ${sex === 'female' ? 'Thị' : 'Văn'} ${pick(GUARDIAN_GIVEN[sex])}`;
}

const identity = (child: Pick<ChildSeed, 'fullName' | 'birthDate' | 'communeCode'>): string =>
  `${foldName(child.fullName)}|${child.birthDate}|${child.communeCode}`;

/** SEED_CHILDREN (a whole number ≥ 5) or the full population. */
export function childrenCountFromEnv(value = process.env.SEED_CHILDREN): number {
  if (value === undefined || value === '') return POPULATION_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < SPONSORED_ORPHANS.length) throw new Error(`SEED_CHILDREN must be a whole number ≥ ${SPONSORED_ORPHANS.length}, not "${value}"`);
  return n;
}
