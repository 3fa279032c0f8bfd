import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, NotEquals } from 'class-validator';
import { ADJUSTMENT_REASONS } from '@giftflow/contracts';
import { IsCode } from '@giftflow/platform';

export class AdjustStockDto {
  @IsCode() warehouseCode!: string;
  @IsCode() itemCode!: string;
  /** One lot; absent: removals take first-expiring lots first, additions go to the newest lot. */
  @IsOptional() @IsUUID() lotId?: string;
  /** Signed, never 0: negative removes. */
  @IsInt() @NotEquals(0) @Min(-1_000_000_000) @Max(1_000_000_000) quantity!: number;
  @IsIn(ADJUSTMENT_REASONS) reason!: (typeof ADJUSTMENT_REASONS)[number];
  /** Kept in inventory, never published. */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
