import { Body, Controller, Post, Res } from '@nestjs/common';
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
  async register(
    @Body() body: RegisterDonorDto, @Actor() actor: string, @IdempotencyKey() key: string | null, @Res({ passthrough: true }) res: Response,
  ): Promise<Donor> {
    return answerCreated(res, await this.handler.execute(body, actor, key));
  }
}
