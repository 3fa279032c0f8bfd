import { foldForSearch } from '@giftflow/platform';

/**
 * A name folded for search and duplicate checks (libs/platform's foldForSearch: no diacritics, đ/Đ as d, lower
 * case, single spaces): "Nguyễn Văn  Đức" → "nguyen van duc". Names are stored and answered as typed; this goes beside them.
 */
export const foldName = (name: string): string => foldForSearch(name);
