import { HalfYearDocument } from './half-year-document.handler';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained HTML page (UTF-8), printable as it is. */
export function renderHtml(doc: HalfYearDocument): string {
  const body = doc.blocks.map((b) => {
    if (b.kind === 'heading') return `<h2>${escape(b.text)}</h2>`;
    if (b.kind === 'paragraph') return `<p>${escape(b.text)}</p>`;
    const head = `<tr>${b.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`;
    const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ''}>${escape(c)}</td>`).join('')}</tr>`).join('\n');
    return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  }).join('\n');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<title>${escape(doc.title)}</title>
<style>
  body { font-family: "DejaVu Serif", "Times New Roman", serif; max-width: 48em; margin: 2em auto; line-height: 1.5; }
  h1 { font-size: 1.4em; text-align: center; } h2 { font-size: 1.1em; margin-top: 1.5em; }
  .subtitle { text-align: center; font-weight: bold; }
  table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #999; padding: 0.2em 0.6em; } td.n { text-align: right; }
</style>
</head>
<body>
<p class="subtitle">${escape(doc.subtitle)}</p>
<h1>${escape(doc.title)}</h1>
${body}
</body>
</html>
`;
}
