/**
 * A name folded for search and duplicate checks: no diacritics, đ/Đ as d, lower case, single spaces.
 * "Nguyễn Văn  Đức" → "nguyen van duc". Names are stored and answered as typed; this goes beside them.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
