import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { InstalmentView } from '../sponsorship.entity';
import { PayInstalmentDto } from './pay-instalment.dto';
import { PayInstalmentHandler } from './pay-instalment.handler';

@Controller('sponsorships')
export class PayInstalmentController {
  constructor(private readonly handler: PayInstalmentHandler) {}

  @Post(':id/instalments')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The instalment {id, sponsorshipId, month, amountVnd, paidOn, recordedAt}; SponsorshipInstalmentPaid is published' })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiNotFoundResponse({ description: 'Unknown sponsorship' })
  @ApiConflictResponse({ description: 'The month is already paid in full' })
  @ApiUnprocessableEntityResponse({ description: 'A month outside the schedule; more than is still due for the month; paidOn in the future' })
  pay(
    @Param('id', ParseUUIDPipe) id: string, @Body() body: PayInstalmentDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null,
  ): Promise<IdempotentAnswer<InstalmentView>> {
    return this.handler.execute(id, body, actor, request);
  }
}
