import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy, ValidateNested, ValidationArguments,
} from 'class-validator';
import { CAMPAIGN_KINDS } from '@giftflow/contracts';
import { HasNoRepeated, IsAdministrativeCode, IsCalendarDate, IsCategory, IsQuantity } from '@giftflow/platform';
import { CampaignKind } from '../campaign.entity';

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export class CampaignEligibilityDto {
  /** A child qualifies with at least one of these circumstance codes (orphan, disabled, poor_household…). */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsCategory({ each: true }) circumstancesAny?: string[];
  /** Age in whole years on the allocation's date. */
  @IsOptional() @IsInt() @Min(0) @Max(120) ageMin?: number;
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  @ValidateBy({
    name: 'notBelowAgeMin',
    validator: {
      validate: (ageMax: unknown, args?: ValidationArguments) => {
        const ageMin = (args?.object as CampaignEligibilityDto).ageMin;
        return typeof ageMax !== 'number' || typeof ageMin !== 'number' || ageMax >= ageMin;
      },
      defaultMessage: () => 'ageMax must not be below ageMin',
    },
  })
  ageMax?: number;
}

export class CampaignTargetDto {
  @IsCategory() category!: string;
  @IsQuantity() quantity!: number;
}

export class OpenCampaignDto {
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;
  @IsOptional() @IsIn(CAMPAIGN_KINDS, { message: `kind must be one of: ${CAMPAIGN_KINDS.join(', ')}` }) kind?: CampaignKind;
  @IsCalendarDate() startsOn!: string;
  @IsCalendarDate()
  @ValidateBy({
    name: 'notBeforeStart',
    validator: {
      // Only compared once both are dates; a bad startsOn is reported on its own.
      validate: (endsOn: unknown, args?: ValidationArguments) => {
        const startsOn = (args?.object as OpenCampaignDto).startsOn;
        return !isDate(endsOn) || !isDate(startsOn) || endsOn >= startsOn;
      },
      defaultMessage: () => 'endsOn must not be before startsOn',
    },
  })
  endsOn!: string;
  /** Only children of these districts qualify; absent: every district. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsAdministrativeCode({ each: true }) districtCodes?: string[];
  @IsOptional() @ValidateNested() @Type(() => CampaignEligibilityDto) eligibility?: CampaignEligibilityDto;
  /** What the campaign aims to give, by item category. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @HasNoRepeated((t: CampaignTargetDto) => t?.category, 'category')
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets?: CampaignTargetDto[];
}
