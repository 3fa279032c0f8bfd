import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CIRCUMSTANCES } from '@giftflow/contracts';
import { HasNoRepeated, IsCalendarDate, IsCode, IsEachOneOf } from '@giftflow/platform';
import { AllocationLineDto } from '../../allocations/request-allocation/request-allocation.dto';

const CODES = { each: true, message: '$property must hold administrative codes of digits, e.g. "757"' };

/** Who the plan is for, on top of the campaign's own rules. */
export class PlanCriteriaDto {
  @IsOptional() @IsArray() @ArrayMaxSize(200) @Matches(/^\d{1,10}$/, CODES) districtCodes?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @Matches(/^\d{1,10}$/, CODES) communeCodes?: string[];
  @IsOptional() @IsArray() @IsEachOneOf(CIRCUMSTANCES) circumstancesAny?: string[];
  @IsOptional() @IsInt() @Min(0) @Max(18) ageMin?: number;
  @IsOptional() @IsInt() @Min(0) @Max(18) ageMax?: number;
  /** Institutions in the districts (they have no commune, age or circumstances). */
  @IsOptional() @IsBoolean() includeInstitutions?: boolean;
}

export class PreviewPlanDto {
  @IsUUID() campaignId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) name?: string;
  @IsCode() warehouseCode!: string;
  /** What each beneficiary receives. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AllocationLineDto)
  @HasNoRepeated((l: { itemCode?: unknown } | null) => l?.itemCode, 'item')
  lines!: AllocationLineDto[];
  @ValidateNested() @Type(() => PlanCriteriaDto) criteria!: PlanCriteriaDto;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) maxBeneficiaries?: number;
  /** The day of the hand-out (paper records entered later); today when absent; never in the future. */
  @IsOptional() @IsCalendarDate() allocatedOn?: string;
}
