import { containsPattern, foldForSearch } from './fold-for-search';

describe('foldForSearch', () => {
  it.each([
    ['Nguyễn Văn Ánh', 'nguyen van anh'],
    ['Đỗ Thị Hồng', 'do thi hong'],
    ['đường', 'duong'],
    ['  Chùa   Khánh\tHòa ', 'chua khanh hoa'],
    ['TRẦN ĐỀ', 'tran de'],
    ['Lê Ngọc Ẩn', 'le ngoc an'],
    ['Nguye\u0302\u0303n', 'nguyen'], // typed decomposed (NFD), as some keyboards send it
    ['Bộ Chỉ huy Vùng 2 Hải quân', 'bo chi huy vung 2 hai quan'],
  ])('%s → %s', (typed, folded) => {
    expect(foldForSearch(typed)).toBe(folded);
  });
});

describe('containsPattern', () => {
  it('folds the search and takes LIKE wildcards literally', () => {
    expect(containsPattern('Nguyễn Văn')).toBe('%nguyen van%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
