import { Body, Controller, Post } from '@nestjs/common';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { DonorView } from '../donor.entity';
import { RegisterDonorDto } from './register-donor.dto';
import { RegisterDonorHandler } from './register-donor.handler';

@Controller('donors')
export class RegisterDonorController {
  constructor(private readonly handler: RegisterDonorHandler) {}

  /** 201 with the donor; publishes DonorRegistered. */
  @Post()
  register(@Body() body: RegisterDonorDto, @Actor() actor: string, @IdempotencyKey() key: string | null): Promise<DonorView> {
    return this.handler.execute(body, actor, key);
  }
}
