import { IsOptional } from 'class-validator';
import { IsCode } from '../../http/validators';

export class QueryStockDto {
  @IsOptional() @IsCode() itemCode?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
}
