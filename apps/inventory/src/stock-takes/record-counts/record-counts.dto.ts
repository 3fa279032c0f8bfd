import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class CountLineDto {
  @IsCode() itemCode!: string;
  /** One lot; absent: the item across its lots in the warehouse. */
  @IsOptional() @IsUUID() lotId?: string;
  @IsInt() @Min(0) @Max(1_000_000_000) counted!: number;
  /** When it was counted (default now): the count is compared with the ledger as it was then. */
  @IsOptional() @IsISO8601({ strict: true }) countedAt?: string;
}

export class RecordCountsDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CountLineDto) lines!: CountLineDto[];
}
