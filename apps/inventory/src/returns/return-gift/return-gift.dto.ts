import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { RETURN_REASONS } from '@giftflow/contracts';
import { IsQuantity } from '@giftflow/platform';

export class ReturnGiftDto {
  @IsUUID() allocationId!: string;
  /** Absent: everything delivered that has not come back yet. */
  @IsOptional() @IsQuantity() quantity?: number;
  @IsIn(RETURN_REASONS) reason!: (typeof RETURN_REASONS)[number];
  /** true: back on the shelf in a lot (same pledge, donor, expiry); false: written off. */
  @IsBoolean() restock!: boolean;
}
