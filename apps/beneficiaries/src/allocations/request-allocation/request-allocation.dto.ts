import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { HasNoRepeated, IsCalendarDate, IsCode } from '@giftflow/platform';

export class AllocationLineDto {
  @IsCode() itemCode!: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
}

export class RequestAllocationDto {
  @IsUUID() beneficiaryId!: string;
  @IsOptional() @IsUUID() campaignId?: string;
  /** Reserve from this warehouse only; any warehouse when absent. */
  @IsOptional() @IsCode() warehouseCode?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AllocationLineDto)
  @HasNoRepeated((l: { itemCode?: unknown } | null) => l?.itemCode, 'item')
  lines!: AllocationLineDto[];
  /** Business date (paper records entered later); today in Asia/Ho_Chi_Minh when absent; never in the future. */
  @IsOptional() @IsCalendarDate() allocatedOn?: string;
}
