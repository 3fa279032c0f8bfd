import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@giftflow/platform';
import { PLEDGE_STATUSES_HERE, PledgeStatus } from '../pledge.entity';

export class ListPledgesQueryDto extends PageQueryDto {
  @IsOptional() @IsUUID('all', { message: 'donorId must be a UUID' }) donorId?: string;
  @IsOptional() @IsUUID('all', { message: 'campaignId must be a UUID' }) campaignId?: string;
  @IsOptional() @IsIn(PLEDGE_STATUSES_HERE, { message: `status must be one of: ${PLEDGE_STATUSES_HERE.join(', ')}` }) status?: PledgeStatus;
  /** true: only pledges still waiting for goods (pledged or partially_received) whose expectedOn has passed. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
