import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { answerCreated } from '../../idempotency/claim-idempotency-key';
import { Donor } from '../donor.entity';
import { RegisterDonorDto } from './register-donor.dto';
import { RegisterDonorHandler } from './register-donor.handler';

@Controller('donors')
export class RegisterDonorController {
  constructor(private readonly handler: RegisterDonorHandler) {}

  /** 201 with the donor; publishes DonorRegistered. Idempotency-Key optional (a retry answers with the first donor). */
  @Post()
  @ApiCreatedResponse({ description: 'the donor (a replay with the same Idempotency-Key: the first one, header Idempotent-Replayed: true); publishes DonorRegistered' })
  @ApiBadRequestResponse({ description: 'a field fails validation (one message per field)' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used for a different request' })
  async register(
    @Body() body: RegisterDonorDto, @Actor() actor: string, @IdempotencyKey() key: string | null, @Res({ passthrough: true }) res: Response,
  ): Promise<Donor> {
    return answerCreated(res, await this.handler.execute(body, actor, key));
  }
}
