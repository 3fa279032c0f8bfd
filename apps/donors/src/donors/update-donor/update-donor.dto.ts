import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { DONOR_KINDS } from '@giftflow/contracts';
import { DonorKind } from '../donor.entity';
import { PHONE_PATTERN, TAX_CODE_PATTERN } from '../register-donor/register-donor.dto';

/** Only the fields sent change; `null` clears a contact. */
export class UpdateDonorDto {
  @IsOptional() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name?: string;
  @IsOptional() @IsIn(DONOR_KINDS, { message: `kind must be one of: ${DONOR_KINDS.join(', ')}` }) kind?: DonorKind;
  @ValidateIf((_, v) => v !== null && v !== undefined) @Matches(PHONE_PATTERN, { message: 'phone must be a phone number such as 0299 3822 123' }) phone?: string | null;
  @ValidateIf((_, v) => v !== null && v !== undefined) @IsEmail({}, { message: 'email must be an email address' }) email?: string | null;
  @ValidateIf((_, v) => v !== null && v !== undefined) @Matches(TAX_CODE_PATTERN, { message: 'taxCode must be a tax code such as 0100109106 or 0100109106-001' }) taxCode?: string | null;
  @IsOptional() @IsBoolean() anonymous?: boolean;
  /** Saves new contacts even though another donor has the same phone, e-mail or tax code. */
  @IsOptional() @IsBoolean() confirmNotDuplicate?: boolean;
}
