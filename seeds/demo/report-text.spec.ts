import { reportText } from './report-text';

describe('the half-year document as terminal text', () => {
  it('centres the title, underlines headings, unescapes text and aligns table columns', () => {
    const html = `<!doctype html><html><head><title>x</title></head><body>
<p class="subtitle">Quỹ Bảo trợ trẻ em tỉnh</p>
<h1>Báo cáo 6 tháng</h1>
<h2>Vận động</h2>
<p>Trao tặng 5.935 suất quà &amp; 20 xe đạp.</p>
<table>
<thead><tr><th>Loại</th><th>Số</th></tr></thead>
<tbody>
<tr><td>suất quà</td><td class="n">5.935</td></tr>
<tr><td>xe đạp</td><td class="n">20</td></tr>
</tbody>
</table>
</body></html>`;
    expect(reportText(html, 40).split('\n')).toEqual([
      'Quỹ Bảo trợ trẻ em tỉnh',
      '',
      '            Báo cáo 6 tháng',
      '',
      'Vận động',
      '────────',
      'Trao tặng 5.935 suất quà & 20 xe đạp.',
      '',
      '  Loại         Số',
      '  ────────  ─────',
      '  suất quà  5.935',
      '  xe đạp       20',
      '',
    ]);
  });

  it('wraps paragraphs at the width', () => {
    expect(reportText('<body><p>một hai ba bốn năm</p></body>', 10)).toBe('một hai ba\nbốn năm\n');
  });
});
