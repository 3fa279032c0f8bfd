import { Injectable } from '@nestjs/common';
import { EventOf, ItemRegisteredV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { KnownItem } from './known-item.entity';

/** Item categories (one allocation per category per campaign) and services (allocated without a reservation). */
@Injectable()
export class LearnItemWhenItemRegisteredConsumer implements EventHandler<typeof ItemRegisteredV1> {
  async handle(event: EventOf<typeof ItemRegisteredV1>, tx: OutboxTransaction): Promise<void> {
    const { itemCode, category, stocked, name } = event.payload;
    await tx.manager.createQueryBuilder().insert().into(KnownItem)
      .values({ itemCode, category, stocked: stocked ?? true, name })
      .orUpdate(['category', 'stocked', 'name'], ['item_code']).execute();
  }
}
