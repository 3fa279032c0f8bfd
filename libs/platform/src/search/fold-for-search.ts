/**
 * Text as search compares it: lower case, without diacritics, đ/Đ → d, runs of whitespace as one space.
 * "Nguyễn Văn Đỗ" → "nguyen van do". Store it beside the name as typed (e.g. a `name_folded` column written
 * with the name) and compare it with the folded query (see `containsPattern`).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching text that contains `search` folded (`%`, `_` and `\` in it taken literally). */
export function containsPattern(search: string): string {
  return `%${foldForSearch(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
