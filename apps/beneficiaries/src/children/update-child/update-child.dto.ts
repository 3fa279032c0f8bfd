import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsAdministrativeCode, IsEachOneOf, HasNoRepeated } from '@giftflow/platform';
import { IsChildBirthDate } from '../birth-date';
import { CHILD_CIRCUMSTANCES, ChildCircumstance } from '../circumstances';

/** Absent is "unchanged"; null is not a value for a field a child always has (only the guardian's may be cleared). */
const Present = () => ValidateIf((_, v) => v !== undefined);

/** Any of a child's fields; the guardian's may be null to clear them. */
export class UpdateChildDto {
  @Present() @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) fullName?: string;
  @Present() @IsChildBirthDate() birthDate?: string;
  @Present() @IsIn(['female', 'male']) sex?: 'female' | 'male';
  @Present() @IsAdministrativeCode() districtCode?: string;
  @Present() @IsAdministrativeCode() communeCode?: string;
  @Present() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CHILD_CIRCUMSTANCES.length) @IsEachOneOf(CHILD_CIRCUMSTANCES)
  @HasNoRepeated((c: unknown) => c, 'circumstance')
  circumstances?: ChildCircumstance[];
  @ValidateIf((_, v) => v !== undefined && v !== null) @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200)
  guardianName?: string | null;
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Matches(/^\+?\d[\d .-]{6,18}\d$/, { message: '$property must be a phone number such as 0912 345 678' })
  guardianPhone?: string | null;
}
