import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { PledgeView } from '../pledge.entity';
import { RecordPledgeDto } from './record-pledge.dto';
import { RecordPledgeHandler } from './record-pledge.handler';

@Controller('pledges')
export class RecordPledgeController {
  constructor(private readonly handler: RecordPledgeHandler) {}

  /**
   * 201 with the pledge (status "pledged"); a retry with the same Idempotency-Key and body answers 201 with
   * the same pledge. 422 for an unknown donor or campaign, or a key reused for a different body.
   */
  @Post()
  record(@Body() body: RecordPledgeDto, @Actor() actor: string, @IdempotencyKey() key: string | null): Promise<PledgeView> {
    if (!key) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['Idempotency-Key header is required'] });
    return this.handler.execute(body, actor, key);
  }
}
