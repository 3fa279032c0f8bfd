/**
 * The fund's item catalogue and its warehouses, as the 2023 half-year report names them: 5,935 gifts, 509
 * scholarships, 20 bicycles, "cabinets, clothes, backpacks, school supplies, household items, coloring sets,
 * notebooks, books, milk, teddy bears and free haircuts", heart screening and heart surgery. One category per kind
 * of good, because reporting counts by category (`gifts`, `scholarships`, `bicycles` are the report's headline
 * figures). Unit values are the fund's illustrative valuations in VND, not prices from the report.
 *
 * Services (`stocked: false`) are allocated and delivered without lots or reservations (issue #10); the loader
 * sends `stocked` only to an inventory that knows the field (see seeds/load-demo-data.ts).
 */
import { DISTRICT_UNITS } from './soc-trang';

export interface CatalogueItem {
  code: string;
  name: string;
  category: string;
  unit: string;
  unitValueVnd: number;
  /** false for services: nothing on a shelf. */
  stocked: boolean;
}

const goods = (code: string, name: string, category: string, unit: string, unitValueVnd: number): CatalogueItem =>
  ({ code, name, category, unit, unitValueVnd, stocked: true });
const service = (code: string, name: string, category: string, unit: string, unitValueVnd: number): CatalogueItem =>
  ({ code, name, category, unit, unitValueVnd, stocked: false });

/** Keyed for readable use in tests and the demo (`CATALOGUE.bicycle.code`). */
export const CATALOGUE = {
  giftPackage: goods('gift-package', 'Gift package (Tết / Month of Action)', 'gifts', 'package', 500_000),
  scholarship: goods('scholarship', 'Scholarship', 'scholarships', 'award', 1_000_000),
  bicycle: goods('bicycle', 'Bicycle', 'bicycles', 'piece', 1_800_000),
  backpack: goods('backpack', 'School backpack', 'backpacks', 'piece', 250_000),
  clothes: goods('clothes-set', 'Set of clothes', 'clothes', 'set', 200_000),
  schoolSupplies: goods('school-supplies-kit', 'School supplies kit', 'school_supplies', 'kit', 150_000),
  notebooks: goods('notebook-set', 'Notebook set', 'notebooks_books', 'set', 120_000),
  books: goods('book-set', 'Set of textbooks', 'notebooks_books', 'set', 180_000),
  milk: goods('milk-carton-48', 'Milk, carton of 48', 'milk', 'carton', 380_000),
  household: goods('household-kit', 'Household items kit', 'household_items', 'kit', 300_000),
  cabinet: goods('cabinet', 'Clothes cabinet', 'cabinets', 'piece', 1_200_000),
  colouringSet: goods('colouring-set', 'Colouring set', 'colouring_sets', 'set', 60_000),
  teddyBear: goods('teddy-bear', 'Teddy bear', 'teddy_bears', 'piece', 80_000),
  haircut: service('haircut', 'Free haircut', 'haircuts', 'service', 30_000),
  heartScreening: service('heart-screening', 'Heart disease screening', 'heart_screening', 'examination', 500_000),
  heartSurgerySupport: service('heart-surgery-support', 'Heart surgery support', 'heart_surgery_support', 'case', 20_000_000),
} as const satisfies Record<string, CatalogueItem>;

export const CATALOGUE_ITEMS: readonly CatalogueItem[] = Object.values(CATALOGUE);

export interface WarehouseSeed {
  code: string;
  name: string;
  districtCode: string;
}

/** The provincial fund's store in Soc Trang city. */
export const PROVINCIAL_WAREHOUSE: WarehouseSeed = { code: 'ST-FUND', name: "Provincial Children's Fund warehouse", districtCode: '941' };

/** One office per district-level unit (the district Department of Labour, Invalids and Social Affairs), e.g. ST-950. */
export const DISTRICT_OFFICES: readonly WarehouseSeed[] = DISTRICT_UNITS.map((d) => ({
  code: `ST-${d.code}`,
  name: `${d.nameAscii} office (Department of Labour, Invalids and Social Affairs)`,
  districtCode: d.code,
}));

export const WAREHOUSE_SEEDS: readonly WarehouseSeed[] = [PROVINCIAL_WAREHOUSE, ...DISTRICT_OFFICES];
