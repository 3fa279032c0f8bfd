import { IsISO8601, IsOptional } from 'class-validator';
import { IsCode, PageQueryDto } from '@giftflow/platform';

export class ListMovementsDto extends PageQueryDto {
  @IsOptional() @IsCode() itemCode?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
  /** ISO instant, or a date (the start of that day in Asia/Ho_Chi_Minh). */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** ISO instant (exclusive), or a date (that whole day included). */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
