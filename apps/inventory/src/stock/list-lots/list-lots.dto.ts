import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsCode } from '@giftflow/platform';

export class ListLotsDto {
  @IsOptional() @IsCode() itemCode?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
  /** Lots expiring before this date (YYYY-MM-DD): what to give out or write off first. */
  @IsOptional() @IsCalendarDate() expiringBefore?: string;
}
