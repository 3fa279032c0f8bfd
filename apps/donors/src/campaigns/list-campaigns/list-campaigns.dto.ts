import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@giftflow/platform';

export class ListCampaignsQueryDto extends PageQueryDto {
  /** open, closed or all (default). */
  @IsOptional() @IsIn(['open', 'closed', 'all'], { message: 'status must be one of: open, closed, all' }) status?: 'open' | 'closed' | 'all';
}
