/**
 * The donors, partners and institutions the 2023 half-year report names. Organisations are named as the report names
 * them; no contact details are invented for them. The benefactor groups stand for the report's "benefactors and
 * philanthropists" (anonymous private givers), one per district-level unit, so pledges can come from each district.
 */
import { DISTRICT_UNITS } from './soc-trang';

export type DonorKind = 'individual' | 'business' | 'organization' | 'government' | 'military' | 'religious';
export interface DonorSeed {
  /** Stable key: the loader's Idempotency-Key is derived from it. */
  key: string;
  name: string;
  kind: DonorKind;
}

export const PARTNERS = {
  navy: { key: 'navy', name: 'Navy Region 2 Command', kind: 'military' },
  hospital: { key: 'hospital', name: 'University of Medicine and Pharmacy Hospital of Ho Chi Minh City', kind: 'organization' },
  youthUnion: { key: 'youth-union', name: 'Soc Trang Provincial Youth Union', kind: 'organization' },
  benefactor: { key: 'benefactor', name: 'Benefactors of Soc Trang city', kind: 'individual' },
  philanthropists: { key: 'philanthropists', name: 'Philanthropists of Soc Trang province', kind: 'individual' },
} as const satisfies Record<string, DonorSeed>;

/** "Benefactors of <district>" for the ten district-level units besides the city (the city's is PARTNERS.benefactor). */
export const DISTRICT_BENEFACTORS: readonly DonorSeed[] = DISTRICT_UNITS.filter((d) => d.code !== '941').map((d) => ({
  key: `benefactors-${d.code}`,
  name: `Benefactors of ${d.nameAscii}`,
  kind: 'individual',
}));

export const DONOR_SEEDS: readonly DonorSeed[] = [...Object.values(PARTNERS), ...DISTRICT_BENEFACTORS];

export type InstitutionKind = 'orphanage' | 'social_protection_centre' | 'special_school' | 'other';
export interface InstitutionSeed {
  key: string;
  name: string;
  kind: InstitutionKind;
  districtCode: string;
  /** Illustrative: the report does not give resident counts. */
  residents: number;
}

/** The dialogue programme's three institutions (institutionsReached 3). All three are placed in Soc Trang city. */
export const INSTITUTION_SEEDS = {
  nangNhonPagoda: { key: 'nang-nhon-pagoda', name: 'Nang Nhon Pagoda orphanage', kind: 'orphanage', districtCode: '941', residents: 40 },
  socialProtection: { key: 'social-protection-centre', name: 'Provincial Social Protection Center', kind: 'social_protection_centre', districtCode: '941', residents: 60 },
  disabledSchool: { key: 'school-for-disabled-children', name: 'Provincial School for Disabled Children', kind: 'special_school', districtCode: '941', residents: 120 },
} as const satisfies Record<string, InstitutionSeed>;
