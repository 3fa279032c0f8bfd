/** The tick-off sheet of a plan for the day of the hand-out: the one document with children's names (staff only). */
export interface SheetRow {
  rank: number;
  name: string;
  birthYear: number | null;
  commune: string | null;
  guardian: string | null;
  gift: string;
}

export const SHEET_COLUMNS = ['Rank', 'Name', 'Birth year', 'Commune', 'Guardian', 'Gift', 'Signature'] as const;

/** "School backpack × 1; Notebook set × 2", by item name where known, else code. */
export const giftText = (lines: { itemCode: string; quantity: number }[], names: Map<string, string | null>): string =>
  lines.map((l) => `${names.get(l.itemCode) ?? l.itemCode} × ${l.quantity}`).join('; ');

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ (a spreadsheet formula) is
 * defused with an apostrophe.
 */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese right), CRLF line ends, an empty signature column. */
export function rosterCsv(rows: SheetRow[]): string {
  const lines = [SHEET_COLUMNS.join(','), ...rows.map((r) => [r.rank, r.name, r.birthYear, r.commune, r.guardian, r.gift, null].map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
