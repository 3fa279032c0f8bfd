import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DONOR_KINDS } from '@giftflow/contracts';
import { DonorKind } from '../donor.entity';

export class RegisterDonorDto {
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;
  @IsIn(DONOR_KINDS, { message: `kind must be one of: ${DONOR_KINDS.join(', ')}` }) kind!: DonorKind;
  @IsOptional() @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be a phone number such as 0299 3822 123' }) phone?: string;
  @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) email?: string;
}
