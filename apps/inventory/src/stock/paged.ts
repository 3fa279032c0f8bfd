import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page of a list: `{items, total, page, pageSize}` (pages count from 1). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

/** LIMIT/OFFSET of a page query (defaults: page 1 of 50). */
export function pageOf(query: PageQueryDto): { page: number; pageSize: number; limit: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
