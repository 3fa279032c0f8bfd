import { StreamableFile } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import ExcelJS from 'exceljs';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?format=` of the reports that can be downloaded (summary, monthly, campaign). */
export class ReportFormatQuery {
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be one of: json, csv, xlsx' })
  format?: ReportFormat;
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `format` wins; otherwise the Accept header may ask for CSV or XLSX; otherwise JSON. */
export function formatOf(format: ReportFormat | undefined, accept: string | undefined): ReportFormat {
  if (format) return format;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  return 'json';
}

/** One table of a report: a breakdown (byDistrict…), or the report's own fields, or its totals. */
export interface Section {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * A report as tables: its scalar fields (one row named after the report), every object (totals: one row, nested
 * objects flattened as `sponsorships.active`) and every array of rows (one table each, rows identified by codes).
 */
export function sectionsOf(name: string, report: object): Section[] {
  const scalars: Record<string, unknown> = {};
  const sections: Section[] = [];
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value)) {
      const rows = value.map((row) => flatten(row as Record<string, unknown>));
      sections.push({ name: key, columns: columnsOf(rows), rows });
    } else if (value !== null && typeof value === 'object') {
      const row = flatten(value as Record<string, unknown>);
      sections.push({ name: key, columns: Object.keys(row), rows: [row] });
    } else {
      scalars[key] = value;
    }
  }
  return [{ name, columns: Object.keys(scalars), rows: [scalars] }, ...sections];
}

function flatten(row: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(flat, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else flat[`${prefix}${key}`] = Array.isArray(value) ? value.join(' ') : value;
  }
  return flat;
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/**
 * CSV in UTF-8 with a byte order mark (so Excel shows Vietnamese correctly): one block per section — its name on
 * a line, its header, its rows — blocks separated by an empty line.
 */
export function toCsv(sections: Section[]): Buffer {
  const lines: string[] = [];
  sections.forEach((section, i) => {
    if (i > 0) lines.push('');
    lines.push(csvLine([section.name]), csvLine(section.columns));
    for (const row of section.rows) lines.push(csvLine(section.columns.map((c) => row[c])));
  });
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvLine(values: unknown[]): string {
  return values.map((v) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',');
}

/** XLSX: one sheet per section, numbers as numbers. */
export async function toXlsx(sections: Section[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'giftflow reporting';
  for (const section of sections) {
    const sheet = workbook.addWorksheet(section.name.slice(0, 31));
    sheet.addRow(section.columns).font = { bold: true };
    for (const row of section.rows) sheet.addRow(section.columns.map((c) => row[c] ?? null));
    (sheet.columns ?? []).forEach((column) => { column.width = 18; }); // null on a sheet with no columns (an empty breakdown)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report itself (JSON), or a CSV or XLSX file of it named `filename`. */
export async function exported<T extends object>(report: T, format: ReportFormat, name: string, filename: string): Promise<T | StreamableFile> {
  if (format === 'json') return report;
  const sections = sectionsOf(name, report);
  if (format === 'csv') return new StreamableFile(toCsv(sections), { type: CSV_TYPE, disposition: `attachment; filename="${filename}.csv"` });
  return new StreamableFile(await toXlsx(sections), { type: XLSX_TYPE, disposition: `attachment; filename="${filename}.xlsx"` });
}
