import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DONOR_KINDS } from '@giftflow/contracts';
import { PageQueryDto } from '@giftflow/platform';
import { DonorKind } from '../donor.entity';

export class ListDonorsQueryDto extends PageQueryDto {
  /** Part of the name (ignoring case and diacritics, đ = d), phone, e-mail or tax code. */
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @IsOptional() @IsIn(DONOR_KINDS, { message: `kind must be one of: ${DONOR_KINDS.join(', ')}` }) kind?: DonorKind;
}
