import { COMMUNE_UNITS } from './reference/soc-trang';
import { CATALOGUE_ITEMS, WAREHOUSE_SEEDS } from './reference/catalogue';
import { DONOR_SEEDS } from './reference/partners';
import { POPULATION_SIZE, SPONSORED_ORPHANS, childrenCountFromEnv, foldName, generateChildren } from './population';

/** The 16-year rule of issue #9: a month is due while the child is under 16 on its first day. */
const lastMonthUnder = (birthDate: string, age: number): string => {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthdayMonth = new Date(Date.UTC(y + age, m - 1, 1));
  if (d === 1) birthdayMonth.setUTCMonth(birthdayMonth.getUTCMonth() - 1);
  return birthdayMonth.toISOString().slice(0, 7);
};

describe('the demo population', () => {
  const children = generateChildren();
  const communeDistrict = new Map(COMMUNE_UNITS.map((c) => [c.code, c.districtCode]));

  it('is the same on every run, and a smaller population is a prefix of the full one', () => {
    expect(generateChildren()).toEqual(children);
    expect(generateChildren(200)).toEqual(children.slice(0, 200));
    expect(children).toHaveLength(POPULATION_SIZE);
    expect(POPULATION_SIZE).toBeGreaterThanOrEqual(1_600);
  });

  it('places every child in a real commune of their district, over all 11 districts', () => {
    for (const child of children) expect(communeDistrict.get(child.communeCode)).toBe(child.districtCode);
    expect(new Set(children.map((c) => c.districtCode)).size).toBe(11);
    expect(new Set(children.map((c) => c.communeCode)).size).toBeGreaterThan(100);
  });

  it('never repeats a name + birth date + commune (ignoring case and diacritics), nor a key', () => {
    expect(new Set(children.map((c) => `${foldName(c.fullName)}|${c.birthDate}|${c.communeCode}`)).size).toBe(children.length);
    expect(new Set(children.map((c) => c.key)).size).toBe(children.length);
  });

  it('has realistic circumstance groups, enough for each programme of the half-year', () => {
    const count = (code: string) => children.filter((c) => c.circumstances.includes(code as never)).length;
    expect(count('poor_household')).toBeGreaterThan(600);
    expect(count('near_poor_household')).toBeGreaterThan(250);
    expect(count('serious_illness')).toBeGreaterThanOrEqual(180); // the heart screening examined 180
    expect(count('disabled')).toBeGreaterThan(100);
    expect(count('ethnic_minority')).toBeGreaterThan(300);
    for (const child of children) expect(new Set(child.circumstances).size).toBe(child.circumstances.length);
    for (const child of children) expect(child.circumstances.length).toBeGreaterThan(0);
  });

  it('only has children: born 2010-2022, valid dates', () => {
    for (const child of children) {
      expect(child.birthDate >= '2010-01-01' && child.birthDate <= '2022-12-31').toBe(true);
      expect(new Date(`${child.birthDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(child.birthDate);
    }
  });

  it('starts with the five orphans of Vinh Phuoc ward and Ward 2 (Vinh Chau), turning 16 in different months', () => {
    expect(children.slice(0, 5).map((c) => c.key)).toEqual(SPONSORED_ORPHANS.map((o) => o.key));
    expect(SPONSORED_ORPHANS.every((o) => o.districtCode === '950' && ['31804', '31801'].includes(o.communeCode))).toBe(true);
    expect(SPONSORED_ORPHANS.every((o) => o.circumstances.includes('orphan'))).toBe(true);
    for (const o of SPONSORED_ORPHANS) expect(o.lastSponsoredMonth).toBe(lastMonthUnder(o.birthDate, 16));
    expect(new Set(SPONSORED_ORPHANS.map((o) => o.lastSponsoredMonth.slice(5))).size).toBe(5);
    expect(lastMonthUnder('2012-08-15', 16)).toBe('2028-08'); // the two examples
    expect(lastMonthUnder('2012-08-01', 16)).toBe('2028-07');
  });

  it('takes its size from SEED_CHILDREN', () => {
    expect(childrenCountFromEnv(undefined)).toBe(POPULATION_SIZE);
    expect(childrenCountFromEnv('200')).toBe(200);
    expect(() => childrenCountFromEnv('3')).toThrow(/SEED_CHILDREN/);
    expect(() => childrenCountFromEnv('lots')).toThrow(/SEED_CHILDREN/);
  });
});

describe('the catalogue, warehouses and donors', () => {
  it('has the report categories, three of them services', () => {
    const categories = new Set(CATALOGUE_ITEMS.map((i) => i.category));
    for (const c of ['gifts', 'scholarships', 'bicycles', 'backpacks', 'clothes', 'school_supplies', 'notebooks_books', 'milk', 'household_items', 'cabinets', 'colouring_sets', 'teddy_bears', 'haircuts', 'heart_screening', 'heart_surgery_support']) {
      expect(categories.has(c)).toBe(true);
    }
    expect(CATALOGUE_ITEMS.filter((i) => !i.stocked).map((i) => i.category).sort()).toEqual(['haircuts', 'heart_screening', 'heart_surgery_support']);
    expect(new Set(CATALOGUE_ITEMS.map((i) => i.code)).size).toBe(CATALOGUE_ITEMS.length);
  });

  it('has a provincial warehouse and one office per district, and unique donor keys and names', () => {
    expect(WAREHOUSE_SEEDS).toHaveLength(12);
    expect(new Set(WAREHOUSE_SEEDS.map((w) => w.code)).size).toBe(12);
    expect(new Set(DONOR_SEEDS.map((d) => d.key)).size).toBe(DONOR_SEEDS.length);
    expect(new Set(DONOR_SEEDS.map((d) => d.name)).size).toBe(DONOR_SEEDS.length);
  });
});
