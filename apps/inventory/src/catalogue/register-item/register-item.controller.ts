import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { Item } from '../item.entity';
import { RegisterItemDto } from './register-item.dto';
import { RegisterItemHandler } from './register-item.handler';

@Controller('items')
export class RegisterItemController {
  constructor(private readonly handler: RegisterItemHandler) {}

  /** 201 with the item; 409 when the code is taken. Publishes ItemRegistered. */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The item (stocked and perishable default to true and false); ItemRegistered published' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiConflictResponse({ description: 'The code is already registered' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request' })
  register(@Body() body: RegisterItemDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<Item>> {
    return this.handler.execute(body, actor, request);
  }
}
