import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INSTITUTION_KINDS } from '@giftflow/contracts';
import { IsAdministrativeCode } from '@giftflow/platform';
import { InstitutionKind } from '../institution.entity';

export class RegisterInstitutionDto {
  @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) name!: string;
  @IsIn(INSTITUTION_KINDS) kind!: InstitutionKind;
  @IsAdministrativeCode() districtCode!: string;
  @IsInt() @Min(1) @Max(100_000) residents!: number;
}
