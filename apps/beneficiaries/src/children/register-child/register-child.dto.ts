import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsAdministrativeCode, IsEachOneOf, HasNoRepeated } from '@giftflow/platform';
import { IsChildBirthDate } from '../birth-date';
import { CHILD_CIRCUMSTANCES, ChildCircumstance } from '../circumstances';

export class RegisterChildDto {
  @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) fullName!: string;
  @IsChildBirthDate() birthDate!: string;
  @IsIn(['female', 'male']) sex!: 'female' | 'male';
  @IsAdministrativeCode() districtCode!: string;
  @IsAdministrativeCode() communeCode!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CHILD_CIRCUMSTANCES.length) @IsEachOneOf(CHILD_CIRCUMSTANCES)
  @HasNoRepeated((c: unknown) => c, 'circumstance')
  circumstances!: ChildCircumstance[];
  @IsOptional() @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) guardianName?: string;
  @IsOptional() @Matches(/^\+?\d[\d .-]{6,18}\d$/, { message: '$property must be a phone number such as 0912 345 678' }) guardianPhone?: string;
  /** true: register even though a child with the same name, birth date and commune exists (staff checked: another child). */
  @IsOptional() @IsBoolean() confirmNotDuplicate?: boolean;
}
