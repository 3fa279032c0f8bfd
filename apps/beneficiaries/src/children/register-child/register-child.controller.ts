import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { ChildView } from '../child.entity';
import { RegisterChildDto } from './register-child.dto';
import { RegisterChildHandler } from './register-child.handler';

@Controller('children')
export class RegisterChildController {
  constructor(private readonly handler: RegisterChildHandler) {}

  /** 201 with the child's record; 400 naming each bad field. Publishes BeneficiaryRegistered (kind child). */
  @Post()
  @ApiCreatedResponse({ description: 'the child (a retry with the same Idempotency-Key: the first one); publishes BeneficiaryRegistered' })
  @ApiBadRequestResponse({ description: 'a field fails validation' })
  register(@Body() body: RegisterChildDto, @Actor() actor: string, @IdempotencyKey() idempotencyKey: string | null): Promise<ChildView> {
    return this.handler.execute(body, actor, idempotencyKey);
  }
}
