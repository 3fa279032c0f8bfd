import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { ChildView } from '../child.entity';
import { RegisterChildDto } from './register-child.dto';
import { RegisterChildHandler } from './register-child.handler';

@Controller('children')
export class RegisterChildController {
  constructor(private readonly handler: RegisterChildHandler) {}

  /** 201 with the child's record; 400 naming each bad field; 409 a possible duplicate. Publishes BeneficiaryRegistered (kind child). */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: "The child's record; BeneficiaryRegistered (no name, birth date, guardian or phone) is published" })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiConflictResponse({ description: '{message, possibleDuplicateOf: [ids]}: same name (ignoring diacritics and case), birth date and commune; send confirmNotDuplicate: true to register anyway' })
  register(@Body() body: RegisterChildDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<ChildView>> {
    return this.handler.execute(body, actor, request);
  }
}
