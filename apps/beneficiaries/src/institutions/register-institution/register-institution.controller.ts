import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { InstitutionView } from '../institution.entity';
import { RegisterInstitutionDto } from './register-institution.dto';
import { RegisterInstitutionHandler } from './register-institution.handler';

@Controller('institutions')
export class RegisterInstitutionController {
  constructor(private readonly handler: RegisterInstitutionHandler) {}

  /** 201 with the institution; 400 naming each bad field. Publishes BeneficiaryRegistered (kind institution). */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'the institution (a retry with the same Idempotency-Key: the first one); publishes BeneficiaryRegistered' })
  @ApiBadRequestResponse({ description: 'a field fails validation' })
  register(@Body() body: RegisterInstitutionDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<InstitutionView>> {
    return this.handler.execute(body, actor, request);
  }
}
