import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { Warehouse } from '../warehouse.entity';
import { RegisterWarehouseDto } from './register-warehouse.dto';
import { RegisterWarehouseHandler } from './register-warehouse.handler';

@Controller('warehouses')
export class RegisterWarehouseController {
  constructor(private readonly handler: RegisterWarehouseHandler) {}

  /** 201 with the warehouse; 409 when the code is taken. Publishes WarehouseRegistered. */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The warehouse; WarehouseRegistered published' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiConflictResponse({ description: 'The code is already registered' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request' })
  register(@Body() body: RegisterWarehouseDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<Warehouse>> {
    return this.handler.execute(body, actor, request);
  }
}
