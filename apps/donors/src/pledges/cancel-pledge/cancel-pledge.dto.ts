import { IsString, Length } from 'class-validator';

export class CancelPledgeDto {
  @IsString() @Length(1, 500) reason!: string;
}
