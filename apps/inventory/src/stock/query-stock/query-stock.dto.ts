import { IsISO8601, IsOptional } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class QueryStockDto {
  @IsOptional() @IsCode() itemCode?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
  /** An ISO instant: balances from the ledger as they were then. */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
