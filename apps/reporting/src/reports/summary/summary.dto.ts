import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate, IsCode } from '@giftflow/platform';
import { ReportFormatQuery } from '../export/report-export';

export class SummaryQuery extends ReportFormatQuery {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'campaignId must be a UUID' })
  campaignId?: string;

  @ApiPropertyOptional() @IsOptional() @IsCode()
  districtCode?: string;

  /** Only what had been recorded by this instant (the events' occurredAt), e.g. 2026-07-05T10:00:00Z. */
  @ApiPropertyOptional() @IsOptional()
  @Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  asOf?: string;
}
