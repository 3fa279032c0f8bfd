import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DONOR_KINDS } from '@giftflow/contracts';
import { DonorKind } from '../donor.entity';

export const PHONE_PATTERN = /^\+?[0-9 .-]{6,20}$/;
export const TAX_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z -]{8,19}$/;

export class RegisterDonorDto {
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;
  @IsIn(DONOR_KINDS, { message: `kind must be one of: ${DONOR_KINDS.join(', ')}` }) kind!: DonorKind;
  @IsOptional() @Matches(PHONE_PATTERN, { message: 'phone must be a phone number such as 0299 3822 123' }) phone?: string;
  @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) email?: string;
  /** Vietnamese tax code (mã số thuế), 10 or 13 digits, e.g. 0100109106 or 0100109106-001. */
  @IsOptional() @Matches(TAX_CODE_PATTERN, { message: 'taxCode must be a tax code such as 0100109106 or 0100109106-001' }) taxCode?: string;
  /** The donor asked not to be named in anything published. Default false. */
  @IsOptional() @IsBoolean() anonymous?: boolean;
  /** Registers the donor even though another has the same phone, e-mail or tax code. */
  @IsOptional() @IsBoolean() confirmNotDuplicate?: boolean;
}
