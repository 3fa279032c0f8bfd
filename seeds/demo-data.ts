/**
 * Demo data from the Soc Trang Provincial Children's Fund report for the first six months of 2023
 * (the report giftflow was born from). Names and figures are the report's; district codes are Vietnam's
 * administrative codes for Soc Trang's districts (province 94). Commune codes are illustrative: the
 * report names wards (Vinh Phuoc, Ward 2 of Vinh Chau town) but not their codes.
 */
export const DISTRICTS = {
  socTrangCity: { code: '941', name: 'Soc Trang city' },
  chauThanh: { code: '942', name: 'Chau Thanh' },
  longPhu: { code: '946', name: 'Long Phu' },
  ngaNam: { code: '948', name: 'Nga Nam town' },
  thanhTri: { code: '949', name: 'Thanh Tri' },
  vinhChau: { code: '950', name: 'Vinh Chau town' },
  tranDe: { code: '951', name: 'Tran De' },
} as const;

export const CAMPAIGNS = {
  monthOfAction: { name: 'Month of Action for Children' },
  midAutumn: { name: 'Mid-Autumn Festival gifts for children in special circumstances' },
} as const;

/** "20 bicycles from benefactors"; the unit value is the fund's valuation of one bicycle. */
export const ITEMS = {
  bicycle: { code: 'bicycle', name: 'Bicycle', category: 'bicycles', unit: 'piece', unitValueVnd: 1_800_000 },
  backpack: { code: 'backpack', name: 'School backpack', category: 'backpacks', unit: 'piece', unitValueVnd: 250_000 },
  notebooks: { code: 'notebook-set', name: 'Notebook set', category: 'school_supplies', unit: 'set', unitValueVnd: 120_000 },
  milk: { code: 'milk-carton-48', name: 'Milk, carton of 48', category: 'milk', unit: 'carton', unitValueVnd: 380_000 },
  scholarship: { code: 'scholarship', name: 'Scholarship', category: 'scholarships', unit: 'award', unitValueVnd: 1_000_000 },
} as const;

export const DONORS = {
  navy: { name: 'Navy Region 2 Command', kind: 'military' },
  hospital: { name: 'University of Medicine and Pharmacy Hospital of Ho Chi Minh City', kind: 'organization' },
  benefactor: { name: 'Benefactors of Soc Trang city', kind: 'individual' },
} as const;

export const INSTITUTIONS = {
  nangNhonPagoda: { name: 'Nang Nhon Pagoda orphanage', kind: 'orphanage', districtCode: DISTRICTS.socTrangCity.code },
  socialProtection: { name: 'Provincial Social Protection Center', kind: 'social_protection_centre', districtCode: DISTRICTS.socTrangCity.code },
  disabledSchool: { name: 'Provincial School for Disabled Children', kind: 'special_school', districtCode: DISTRICTS.socTrangCity.code },
} as const;

export const WAREHOUSES = {
  provincial: { code: 'ST-FUND', name: "Provincial Children's Fund warehouse", districtCode: DISTRICTS.socTrangCity.code },
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
} as const;
