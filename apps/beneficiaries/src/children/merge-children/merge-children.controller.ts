import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { ChildView } from '../child.entity';
import { MergeChildrenDto } from './merge-children.dto';
import { MergeChildrenHandler } from './merge-children.handler';

@Controller('children')
export class MergeChildrenController {
  constructor(private readonly handler: MergeChildrenHandler) {}

  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The surviving record; BeneficiariesMerged {beneficiaryId, intoId} is published' })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown child (the one in the path)' })
  @ApiConflictResponse({ description: 'Either record was already merged away' })
  @ApiUnprocessableEntityResponse({ description: 'intoId unknown, or the same as the id' })
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() body: MergeChildrenDto, @Actor() actor: string): Promise<ChildView> {
    return this.handler.execute(id, body.intoId, actor);
  }
}
