import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsAdministrativeCode, IsEachOneOf, HasNoRepeated } from '@giftflow/platform';
import { IsChildBirthDate } from '../birth-date';
import { CHILD_CIRCUMSTANCES, ChildCircumstance } from '../circumstances';

/** Any of a child's fields; the guardian's may be null to clear them. */
export class UpdateChildDto {
  @IsOptional() @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) fullName?: string;
  @IsOptional() @IsChildBirthDate() birthDate?: string;
  @IsOptional() @IsIn(['female', 'male']) sex?: 'female' | 'male';
  @IsOptional() @IsAdministrativeCode() districtCode?: string;
  @IsOptional() @IsAdministrativeCode() communeCode?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CHILD_CIRCUMSTANCES.length) @IsEachOneOf(CHILD_CIRCUMSTANCES)
  @HasNoRepeated((c: unknown) => c, 'circumstance')
  circumstances?: ChildCircumstance[];
  @ValidateIf((_, v) => v !== undefined && v !== null) @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200)
  guardianName?: string | null;
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Matches(/^\+?\d[\d .-]{6,18}\d$/, { message: '$property must be a phone number such as 0912 345 678' })
  guardianPhone?: string | null;
}
