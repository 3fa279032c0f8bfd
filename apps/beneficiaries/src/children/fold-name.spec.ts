import { foldName } from './fold-name';

describe('foldName', () => {
  it('drops Vietnamese diacritics and case, folding đ/Đ to d', () => {
    expect(foldName('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldName('Đỗ Thị Hương')).toBe('do thi huong');
    expect(foldName('Thạch Thị Sa Rinh')).toBe('thach thi sa rinh');
    expect(foldName('Lâm Minh Khang')).toBe(foldName('lam minh khang'));
  });

  it('takes composed and decomposed input alike and squeezes spaces', () => {
    expect(foldName('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(foldName('  Trần   Văn\tỚt ')).toBe('tran van ot');
  });
});
