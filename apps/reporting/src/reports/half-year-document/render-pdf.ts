import PDFDocument from 'pdfkit';
import { HalfYearDocument } from './half-year-document.handler';

/** DejaVu (the dejavu-fonts-ttf package) has every Vietnamese glyph; PDF's standard fonts do not. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The same blocks as the HTML page, as an A4 PDF. */
export function renderPdf(doc: HalfYearDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: doc.title, Author: doc.subtitle } });
  pdf.registerFont('body', FONT);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 100;
  pdf.font('bold').fontSize(11).text(doc.subtitle, { align: 'center' });
  pdf.moveDown(0.5).fontSize(15).text(doc.title, { align: 'center' }).moveDown();
  for (const block of doc.blocks) {
    if (block.kind === 'heading') pdf.moveDown(0.5).font('bold').fontSize(12).text(block.text, 50).moveDown(0.3);
    else if (block.kind === 'paragraph') pdf.font('body').fontSize(10.5).text(block.text, 50, undefined, { align: 'justify', width }).moveDown(0.4);
    else table(pdf, block.columns, block.rows, width);
  }
  pdf.end();
  return done;
}

function table(pdf: PDFKit.PDFDocument, columns: string[], rows: string[][], width: number): void {
  const first = Math.max(width * 0.36, width - (columns.length - 1) * 80);
  const rest = (width - first) / Math.max(columns.length - 1, 1);
  const xs = columns.map((_, i) => 50 + (i === 0 ? 0 : first + (i - 1) * rest));
  const widths = columns.map((_, i) => (i === 0 ? first : rest) - 6);
  const line = (cells: string[], bold: boolean) => {
    if (pdf.y > pdf.page.height - 80) pdf.addPage();
    const y = pdf.y;
    pdf.font(bold ? 'bold' : 'body').fontSize(9);
    const heights = cells.map((c, i) => pdf.heightOfString(c, { width: widths[i] }));
    cells.forEach((c, i) => pdf.text(c, xs[i], y, { width: widths[i], align: i === 0 ? 'left' : 'right' }));
    pdf.y = y + Math.max(...heights) + 3;
    pdf.moveTo(50, pdf.y - 1).lineTo(50 + width, pdf.y - 1).lineWidth(0.3).strokeColor('#999999').stroke();
  };
  line(columns, true);
  for (const row of rows) line(row, false);
  pdf.x = 50;
  pdf.moveDown(0.5);
}
