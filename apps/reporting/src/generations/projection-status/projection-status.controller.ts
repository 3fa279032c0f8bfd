import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionStatus, ProjectionStatusHandler } from './projection-status.handler';

@ApiTags('reports')
@Controller('reports/status')
export class ProjectionStatusController {
  constructor(private readonly handler: ProjectionStatusHandler) {}

  /** GET /reports/status — per topic and partition: offset handled, end offset, lag; and a rebuild's progress. */
  @Get()
  @ApiOkResponse({ description: 'Offsets and lag of the active generation, and the running rebuild\'s events done, events/s and time left' })
  status(): Promise<ProjectionStatus> {
    return this.handler.status();
  }
}
