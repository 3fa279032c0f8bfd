import { Page as SharedPage, PageQueryDto as SharedPageQueryDto, pageRequestOf } from '@giftflow/platform';

/** `?page=&pageSize=` of every list: the shared paging of libs/platform (page from 1, 20 a page by default, at most 200). */
export class PageQueryDto extends SharedPageQueryDto {}

export type Page<T> = SharedPage<T>;

/** The page asked for, with its LIMIT and OFFSET. */
export function paging(q: PageQueryDto): { page: number; pageSize: number; limit: number; offset: number } {
  return pageRequestOf(q);
}
