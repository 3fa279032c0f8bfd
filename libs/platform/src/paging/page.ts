import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/**
 * `?page=&pageSize=` of every paged list (extend it with the list's own filters). 1-based page; pageSize
 * 1..200, default 20; anything else is a 400 naming the field.
 */
export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1) @Max(1_000_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1) @Max(MAX_PAGE_SIZE) pageSize?: number;
}

/** Which slice of a list to read: `page`/`pageSize` as answered, `offset`/`limit` for SQL. */
export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

/** What every paged list answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The slice a query asks for, defaults filled in and bounds applied (also for callers that skip the DTO). */
export function pageRequestOf(query: { page?: unknown; pageSize?: unknown } = {}): PageRequest {
  const whole = (v: unknown, fallback: number, min: number, max: number) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isInteger(n) ? Math.min(Math.max(n, min), max) : fallback;
  };
  const page = whole(query.page, 1, 1, 1_000_000);
  const pageSize = whole(query.pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

/** `{items, total, page, pageSize}`; `total` may come from SQL `count(*)` as a string. */
export function pageOf<T>(items: T[], total: number | string, request: PageRequest): Page<T> {
  return { items, total: Number(total), page: request.page, pageSize: request.pageSize };
}
