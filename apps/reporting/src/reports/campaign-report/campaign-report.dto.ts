import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ReportFormatQuery } from '../export/report-export';

export class CampaignReportQuery extends ReportFormatQuery {
  @ApiPropertyOptional() @IsOptional()
  @Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  asOf?: string;
}
