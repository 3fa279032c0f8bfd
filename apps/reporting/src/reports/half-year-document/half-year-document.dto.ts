import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LANGUAGES, Language } from './half-year-document.text';

export class HalfYearDocumentQuery {
  @Type(() => Number) @IsInt({ message: 'year must be a year like 2026' }) @Min(2000) @Max(2100)
  year!: number;

  @Type(() => Number) @IsIn([1, 2], { message: 'half must be 1 or 2' })
  half!: 1 | 2;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' }) @IsOptional() @IsIn(LANGUAGES, { message: 'lang must be vi or en' })
  lang?: Language;

  @ApiPropertyOptional({ enum: ['html', 'pdf'], default: 'html' }) @IsOptional() @IsIn(['html', 'pdf'], { message: 'format must be html or pdf' })
  format?: 'html' | 'pdf';
}
