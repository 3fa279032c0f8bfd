import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { foldName } from '../../children/fold-name';
import { SHEET_COLUMNS, SheetRow } from './roster-sheet';

/** A font with Vietnamese letters: ROSTER_PDF_FONT, else DejaVu Sans where the system has it. */
const FONT_CANDIDATES = [process.env.ROSTER_PDF_FONT, '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'];

const WIDTHS = [34, 170, 52, 70, 150, 170, 120]; // A4 landscape, 40pt margins: 766pt of table

/**
 * The tick-off sheet as a PDF (A4 landscape): title, then one row per beneficiary with an empty box to sign in.
 * Without a Vietnamese-capable font the built-in Helvetica prints names without diacritics rather than garbled.
 */
export function rosterPdf(title: string, subtitle: string, rows: SheetRow[]): Promise<Buffer> {
  const fontPath = FONT_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  const text = (s: string) => (fontPath ? s : foldName(s).replace(/[^\x20-\x7e]/g, '?'));
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: title } });
  if (fontPath) doc.font(fontPath);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const rowHeight = 26;
  const header = () => {
    doc.fontSize(14).text(text(title), left, doc.page.margins.top);
    doc.fontSize(9).text(text(subtitle));
    doc.moveDown(0.5);
    drawRow(SHEET_COLUMNS.map(String), true);
  };
  const drawRow = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, WIDTHS[i], rowHeight).stroke();
      doc.fontSize(bold ? 9 : 8.5).text(text(c), x + 3, y + 4, { width: WIDTHS[i] - 6, height: rowHeight - 6, ellipsis: true });
      x += WIDTHS[i];
    });
    doc.y = y + rowHeight;
  };

  header();
  for (const r of rows) {
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      header();
    }
    drawRow([String(r.rank), r.name, r.birthYear === null ? '' : String(r.birthYear), r.commune ?? '', r.guardian ?? '', r.gift, '']);
  }
  doc.end();
  return done;
}
