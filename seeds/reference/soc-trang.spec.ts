import { COMMUNE_UNITS, DISTRICT_UNITS, PROVINCE, VINH_CHAU_VINH_PHUOC_WARD, VINH_CHAU_WARD_2, communesOf } from './soc-trang';

describe('Soc Trang reference data (GSO codes before the 2025 reorganisation)', () => {
  it('has the 11 district-level units with their official codes', () => {
    expect(DISTRICT_UNITS.map((d) => [d.code, d.nameAscii])).toEqual([
      ['941', 'Soc Trang city'], ['942', 'Chau Thanh'], ['943', 'Ke Sach'], ['944', 'My Tu'], ['945', 'Cu Lao Dung'],
      ['946', 'Long Phu'], ['947', 'My Xuyen'], ['948', 'Nga Nam town'], ['949', 'Thanh Tri'], ['950', 'Vinh Chau town'], ['951', 'Tran De'],
    ]);
    expect(PROVINCE.code).toBe('94');
  });

  it('has the 109 communes, wards and townships the report counts, with unique 5-digit codes in the 31xxx range', () => {
    expect(COMMUNE_UNITS).toHaveLength(109);
    expect(new Set(COMMUNE_UNITS.map((c) => c.code)).size).toBe(109);
    for (const commune of COMMUNE_UNITS) expect(commune.code).toMatch(/^31[4-8]\d\d$/);
  });

  it('puts every commune in one of the 11 districts, each district with its own (GSO counts per district)', () => {
    const districtCodes = new Set(DISTRICT_UNITS.map((d) => d.code));
    for (const commune of COMMUNE_UNITS) expect(districtCodes.has(commune.districtCode)).toBe(true);
    const counts = Object.fromEntries(DISTRICT_UNITS.map((d) => [d.code, communesOf(d.code).length]));
    expect(counts).toEqual({ 941: 10, 942: 8, 943: 13, 944: 9, 945: 8, 946: 11, 947: 11, 948: 8, 949: 10, 950: 10, 951: 11 });
  });

  it('knows Vinh Phuoc ward and Ward 2 of Vinh Chau town (950), where the five sponsored orphans live', () => {
    expect(COMMUNE_UNITS.find((c) => c.code === VINH_CHAU_VINH_PHUOC_WARD)).toEqual(
      { code: '31804', districtCode: '950', kind: 'ward', name: 'Phường Vĩnh Phước', nameAscii: 'Vinh Phuoc ward' });
    expect(COMMUNE_UNITS.find((c) => c.code === VINH_CHAU_WARD_2)).toEqual(
      { code: '31801', districtCode: '950', kind: 'ward', name: 'Phường 2', nameAscii: 'Ward 2' });
    // Ward 2 exists in three units: the city's, Nga Nam's and Vinh Chau's, each with its own code.
    expect(COMMUNE_UNITS.filter((c) => c.name === 'Phường 2').map((c) => `${c.districtCode}:${c.code}`)).toEqual(['941:31510', '948:31735', '950:31801']);
  });

  it('names each unit in Vietnamese with diacritics and in ASCII', () => {
    for (const unit of [...DISTRICT_UNITS, ...COMMUNE_UNITS]) {
      expect(unit.name).toMatch(/^(Thành phố|Thị xã|Huyện|Phường|Thị trấn|Xã) \S/);
      expect(unit.name).not.toMatch(/\s{2}/);
      expect(unit.nameAscii).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(COMMUNE_UNITS.find((c) => c.code === '31570')).toMatchObject({ name: 'Xã Hồ Đắc Kiện', nameAscii: 'Ho Dac Kien commune' });
  });
});
