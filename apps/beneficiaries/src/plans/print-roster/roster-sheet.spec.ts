import { giftText, rosterCsv } from './roster-sheet';

describe('the tick-off sheet as CSV', () => {
  it('starts with a BOM, has a header with a signature column, and keeps Vietnamese names as typed', () => {
    const csv = rosterCsv([
      { rank: 1, name: 'Nguyễn Văn An', birthYear: 2014, commune: '31498', guardian: 'Nguyễn Thị Hoa', gift: 'School backpack × 1' },
      { rank: 2, name: 'Lâm, "Bé" Khang', birthYear: 2016, commune: null, guardian: null, gift: 'School backpack × 1' },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Rank,Name,Birth year,Commune,Guardian,Gift,Signature',
      '1,Nguyễn Văn An,2014,31498,Nguyễn Thị Hoa,School backpack × 1,',
      '2,"Lâm, ""Bé"" Khang",2016,,,School backpack × 1,',
      '',
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    expect(rosterCsv([{ rank: 1, name: '=HYPERLINK("x")', birthYear: null, commune: null, guardian: '+84 912', gift: 'x' }]).split('\r\n')[1])
      .toBe(`1,"'=HYPERLINK(""x"")",,,'+84 912,x,`);
  });

  it('names the gift by item name, else code', () => {
    expect(giftText([{ itemCode: 'backpack', quantity: 1 }, { itemCode: 'notebook-set', quantity: 2 }], new Map([['backpack', 'School backpack']])))
      .toBe('School backpack × 1; notebook-set × 2');
  });
});
