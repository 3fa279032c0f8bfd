/**
 * The half-year document (reporting's HTML, apps/reporting/src/reports/half-year-document/render-html.ts) as plain
 * text for a terminal: the title centred, headings underlined, paragraphs wrapped, tables in aligned columns.
 */
const unescape = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
const cellText = (html: string): string => unescape(html.replace(/<[^>]+>/g, '')).trim();
/** Characters on screen: NFC, so a Vietnamese letter with its marks is one. */
const width = (text: string): number => [...text.normalize('NFC')].length;
const pad = (text: string, to: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
};

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && width(line) + 1 + width(word) > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function table(html: string): string[] {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => cellText(c[1])));
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ');
  return [line(rows[0]), '  ' + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

export function reportText(html: string, columns = 100): string {
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));
  const out: string[] = [];
  for (const block of body.matchAll(/<(h1|h2|p|table)([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const [, tag, , inner] = block;
    if (tag === 'table') out.push(...table(inner), '');
    else if (tag === 'h1' || tag === 'h2') {
      const text = cellText(inner);
      if (tag === 'h1') out.push(pad(text, Math.floor((columns + width(text)) / 2), true), '');
      else out.push(text, (tag === 'h2' ? '─' : '═').repeat(width(text)));
    } else out.push(...wrap(cellText(inner), columns), '');
  }
  return out.join('\n').trimEnd() + '\n';
}
