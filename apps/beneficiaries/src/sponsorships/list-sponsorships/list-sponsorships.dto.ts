import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../paging/page-query.dto';
import { SPONSORSHIP_STATUSES, SponsorshipStatus } from '../sponsorship.entity';

export class ListSponsorshipsDto extends PageQueryDto {
  @IsOptional() @IsUUID() donorId?: string;
  /** A child's sponsorships include those of records merged into it. */
  @IsOptional() @IsUUID() childId?: string;
  @IsOptional() @IsIn(SPONSORSHIP_STATUSES) status?: SponsorshipStatus;
  /** true: only those with arrears (something due up to this month unpaid). */
  @IsOptional() @IsIn(['true', 'false']) arrears?: 'true' | 'false';
}
