import { IsOptional } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class QueryStockDto {
  @IsOptional() @IsCode() itemCode?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
}
