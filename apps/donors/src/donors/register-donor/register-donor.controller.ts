import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { DonorView } from '../donor.view';
import { RegisterDonorDto } from './register-donor.dto';
import { RegisterDonorHandler } from './register-donor.handler';

@Controller('donors')
export class RegisterDonorController {
  constructor(private readonly handler: RegisterDonorHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The donor; publishes DonorRegistered (id and kind only).' })
  @ApiBadRequestResponse({ description: 'A bad field, named.' })
  @ApiConflictResponse({ description: 'Same phone, e-mail or tax code as a registered donor: `{message, possibleDuplicateOf: [ids]}`; send confirmNotDuplicate: true to register anyway.' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request.' })
  register(
    @Body() body: RegisterDonorDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null,
  ): Promise<IdempotentAnswer<DonorView>> {
    return this.handler.execute(body, actor, request);
  }
}
