import { IsString, Length, Matches } from 'class-validator';

export class ClosePledgeDto {
  @IsString() @Length(1, 500) @Matches(/\S/, { message: 'reason must not be blank' }) reason!: string;
}
