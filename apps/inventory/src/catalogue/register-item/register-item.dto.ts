import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsCategory, IsCode, IsVnd, MAX_SAFE_VND } from '@giftflow/platform';

export class RegisterItemDto {
  @IsCode() code!: string;
  @IsString() @Length(1, 200) name!: string;
  /** Lowercase, e.g. bicycles, backpacks, school_supplies, scholarships: reporting groups by it. */
  @IsCategory() category!: string;
  @IsString() @Length(1, 32) unit!: string;
  @IsVnd(MAX_SAFE_VND) unitValueVnd!: number;
  /** false for a service (no lots, no reservations); default true. */
  @IsOptional() @IsBoolean() stocked?: boolean;
  /** true: every receipt line needs expiresOn; default false. */
  @IsOptional() @IsBoolean() perishable?: boolean;
}
