import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../paging/page-query.dto';
import { ALLOCATION_STATUSES, AllocationStatus } from '../allocation.entity';

export class ListAllocationsDto extends PageQueryDto {
  /** A child's allocations include those of records merged into it. */
  @IsOptional() @IsUUID() beneficiaryId?: string;
  @IsOptional() @IsUUID() campaignId?: string;
  @IsOptional() @IsUUID() planId?: string;
  @IsOptional() @IsIn(ALLOCATION_STATUSES) status?: AllocationStatus;
}
