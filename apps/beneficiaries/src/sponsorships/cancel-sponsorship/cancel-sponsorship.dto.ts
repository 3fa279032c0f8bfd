import { IsString, Matches, MaxLength } from 'class-validator';

export class CancelSponsorshipDto {
  @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(500) reason!: string;
}
