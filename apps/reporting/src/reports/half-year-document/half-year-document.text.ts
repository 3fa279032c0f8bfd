/** The words of the half-year report, Vietnamese (the fund's language, the default) and English. Codes stay codes. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATEGORY_NAMES: Record<string, Record<Language, string>> = {
  gifts: { vi: 'suất quà', en: 'gifts' },
  scholarships: { vi: 'suất học bổng', en: 'scholarships' },
  bicycles: { vi: 'xe đạp', en: 'bicycles' },
  backpacks: { vi: 'ba lô', en: 'backpacks' },
  school_supplies: { vi: 'đồ dùng học tập', en: 'school supplies' },
  clothing: { vi: 'quần áo', en: 'clothes' },
  books: { vi: 'sách vở', en: 'books and notebooks' },
  milk: { vi: 'sữa', en: 'milk' },
  food: { vi: 'thực phẩm', en: 'food' },
  toys: { vi: 'đồ chơi', en: 'toys' },
  household: { vi: 'đồ gia dụng', en: 'household items' },
  cabinets: { vi: 'tủ', en: 'cabinets' },
  health_screening: { vi: 'lượt khám sàng lọc', en: 'health screenings' },
  surgeries: { vi: 'ca phẫu thuật', en: 'surgeries' },
  haircuts: { vi: 'lượt cắt tóc miễn phí', en: 'free haircuts' },
  uncategorised: { vi: 'hiện vật chưa phân loại', en: 'uncategorised items' },
};

export const CAMPAIGN_KIND_NAMES: Record<string, Record<Language, string>> = {
  lunar_new_year: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  month_of_action: { vi: 'Tháng hành động vì trẻ em', en: 'Month of Action for Children' },
  mid_autumn: { vi: 'Tết Trung thu', en: 'Mid-Autumn Festival' },
  dialogue: { vi: 'Diễn đàn, đối thoại với trẻ em', en: 'dialogue with children' },
  festival: { vi: 'Liên hoan, hội thi', en: 'festival' },
  scholarship_drive: { vi: 'Trao học bổng', en: 'scholarship drive' },
  sponsorship_programme: { vi: 'Chương trình đỡ đầu', en: 'sponsorship programme' },
  health_screening: { vi: 'Khám sàng lọc', en: 'health screening' },
  other: { vi: 'Hoạt động khác', en: 'other activity' },
};

/** Soc Trang's districts (seeds/demo-data.ts); other codes print as codes. */
export const DISTRICT_NAMES: Record<string, string> = {
  '941': 'Sóc Trăng', '942': 'Châu Thành', '943': 'Kế Sách', '944': 'Mỹ Tú', '945': 'Cù Lao Dung', '946': 'Long Phú',
  '947': 'Mỹ Xuyên', '948': 'Ngã Năm', '949': 'Thạnh Trị', '950': 'Vĩnh Châu', '951': 'Trần Đề',
};

export const CIRCUMSTANCE_NAMES: Record<string, Record<Language, string>> = {
  orphan: { vi: 'mồ côi', en: 'orphans' },
  disabled: { vi: 'khuyết tật', en: 'with disabilities' },
  serious_illness: { vi: 'mắc bệnh hiểm nghèo', en: 'seriously ill' },
  poor_household: { vi: 'thuộc hộ nghèo', en: 'from poor households' },
  near_poor_household: { vi: 'thuộc hộ cận nghèo', en: 'from near-poor households' },
  ethnic_minority: { vi: 'dân tộc thiểu số', en: 'ethnic minority' },
};

export const WORDS = {
  vi: {
    title: (half: number, year: number) => `Báo cáo kết quả hoạt động ${half === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`,
    fund: 'Quỹ Bảo trợ trẻ em tỉnh',
    period: (from: string, to: string) => `Kỳ báo cáo: từ ngày ${dmy(from)} đến ngày ${dmy(to)}.`,
    giftsHeading: 'Vận động và trao tặng',
    giftsSentence: (items: string) => `Quỹ đã phối hợp vận động các nhà hảo tâm, mạnh thường quân trao tặng ${items} cho trẻ em có hoàn cảnh khó khăn.`,
    noGifts: 'Trong kỳ chưa ghi nhận quà tặng nào được trao.',
    totalValue: (v: string) => `Tổng giá trị quà đã trao: ${v} đồng.`,
    pledgedReceived: (pq: string, pv: string, rq: string, rv: string) => `Các nhà tài trợ đã cam kết ${pq} đơn vị hiện vật (trị giá ${pv} đồng); Quỹ đã tiếp nhận ${rq} đơn vị (trị giá ${rv} đồng).`,
    reachHeading: 'Trẻ em và cơ sở được hỗ trợ',
    reachSentence: (c: string, i: string) => `Tổng cộng ${c} trẻ em được hỗ trợ (mỗi em chỉ tính một lần) và ${i} cơ sở bảo trợ, trường học được trao quà.`,
    campaignSentence: (name: string, c: string, q: string, v: string) => `Nhân dịp ${name}, đã hỗ trợ ${c} trẻ em với ${q} suất quà, trị giá ${v} đồng.`,
    eventsHeading: 'Các chương trình, sự kiện',
    eventSentence: (name: string, q: string, c: string, i: string) => `Tại chương trình "${name}", Quỹ đã trao ${q} suất quà cho ${c} trẻ em và ${i} cơ sở.`,
    sponsorshipHeading: 'Nhận đỡ đầu trẻ em',
    sponsorshipSentence: (c: string, a: string) => `${c} trẻ em được nhận đỡ đầu với mức ${a} đồng/tháng/trẻ.`,
    instalmentsSentence: (v: string) => `Tổng số tiền đỡ đầu đã chi trả trong kỳ: ${v} đồng.`,
    noSponsorships: 'Trong kỳ không có trẻ em nào được nhận đỡ đầu.',
    servicesHeading: 'Dịch vụ y tế và dịch vụ khác',
    serviceSentence: (what: string, q: string, c: string) => `${q} ${what} cho ${c} trẻ em.`,
    profileHeading: 'Đặc điểm trẻ em được hỗ trợ',
    circumstance: 'Hoàn cảnh', sex: 'Giới tính', ageBand: 'Độ tuổi', children: 'Số trẻ em',
    sexNames: { female: 'Nữ', male: 'Nam', unknown: 'Chưa rõ' } as Record<string, string>,
    districtHeading: 'Kết quả theo huyện, thị xã, thành phố',
    district: 'Huyện/thị xã/thành phố', delivered: 'Số suất quà', value: 'Giá trị (đồng)', institutions: 'Số cơ sở', category: 'Loại', unit: 'Đơn vị',
    source: (at: string) => `Số liệu được tổng hợp tự động từ hệ thống giftflow (theo ngày phát sinh, múi giờ Asia/Ho_Chi_Minh), tính đến ${at}.`,
  },
  en: {
    title: (half: number, year: number) => `Report on the ${half === 1 ? 'first' : 'second'} six months of ${year}`,
    fund: "Provincial Children's Fund",
    period: (from: string, to: string) => `Reporting period: ${from} to ${to}.`,
    giftsHeading: 'Mobilising and giving',
    giftsSentence: (items: string) => `The Fund coordinated with benefactors and philanthropists to give ${items} to children in difficult circumstances.`,
    noGifts: 'No gift was given in the period.',
    totalValue: (v: string) => `Total value of the gifts given: ${v} VND.`,
    pledgedReceived: (pq: string, pv: string, rq: string, rv: string) => `Donors pledged ${pq} units of goods (worth ${pv} VND); the Fund received ${rq} units (worth ${rv} VND).`,
    reachHeading: 'Children and institutions supported',
    reachSentence: (c: string, i: string) => `In total ${c} children were supported (each child counted once) and ${i} institutions and schools received gifts.`,
    campaignSentence: (name: string, c: string, q: string, v: string) => `On the occasion of ${name}, ${c} children were supported with ${q} gifts worth ${v} VND.`,
    eventsHeading: 'Programmes and events',
    eventSentence: (name: string, q: string, c: string, i: string) => `At the programme "${name}", the Fund presented ${q} gifts to ${c} children and ${i} institutions.`,
    sponsorshipHeading: 'Sponsored children',
    sponsorshipSentence: (c: string, a: string) => `${c} children were sponsored with an amount of ${a} VND/month/child.`,
    instalmentsSentence: (v: string) => `Sponsorship instalments paid in the period: ${v} VND.`,
    noSponsorships: 'No child was sponsored in the period.',
    servicesHeading: 'Health and other services',
    serviceSentence: (what: string, q: string, c: string) => `${q} ${what} for ${c} children.`,
    profileHeading: 'Who the supported children are',
    circumstance: 'Circumstance', sex: 'Sex', ageBand: 'Age', children: 'Children',
    sexNames: { female: 'Female', male: 'Male', unknown: 'Unknown' } as Record<string, string>,
    districtHeading: 'Results by district',
    district: 'District', delivered: 'Gifts', value: 'Value (VND)', institutions: 'Institutions', category: 'Category', unit: 'Unit',
    source: (at: string) => `Figures compiled automatically by giftflow (by the date things happened, Asia/Ho_Chi_Minh), as of ${at}.`,
  },
} as const;

function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export const formatNumber = (lang: Language, n: number): string => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(n);

export const categoryName = (lang: Language, category: string): string => CATEGORY_NAMES[category]?.[lang] ?? category.replace(/_/g, ' ');
export const campaignKindName = (lang: Language, kind: string): string => CAMPAIGN_KIND_NAMES[kind]?.[lang] ?? kind.replace(/_/g, ' ');
export const circumstanceName = (lang: Language, code: string): string => CIRCUMSTANCE_NAMES[code]?.[lang] ?? code.replace(/_/g, ' ');
export const districtName = (code: string): string => (DISTRICT_NAMES[code] ? `${DISTRICT_NAMES[code]} (${code})` : code);
