import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsMonth, IsPositiveVnd } from '../money';

export class EnrolSponsorshipDto {
  @IsUUID() donorId!: string;
  @IsUUID() childId!: string;
  @IsPositiveVnd() monthlyAmountVnd!: number;
  @IsMonth() startMonth!: string;
  /** The last month paid for; by default the last month the child is under `untilAge`. */
  @IsOptional() @IsMonth() endMonth?: string;
  @IsOptional() @IsInt() @Min(1) @Max(18) untilAge?: number;
  @IsOptional() @IsUUID() campaignId?: string;
}
