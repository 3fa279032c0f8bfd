import { Injectable } from '@nestjs/common';
import { ItemRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { insertNew } from '../insert-new';
import { Item } from '../item.entity';
import { RegisterItemDto } from './register-item.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/** A new catalogue item and its ItemRegistered, in one transaction; 409 when the code is taken. */
@Injectable()
export class RegisterItemHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterItemDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<Item>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const row: Item = { ...body, stocked: body.stocked ?? true, perishable: body.perishable ?? false, registeredAt: new Date() };
      const item = await insertNew(tx.manager, Item, row, `item ${body.code} is already registered`);
      const { code: itemCode, name, category, unit, unitValueVnd, stocked, perishable } = item;
      tx.publish(ItemRegisteredV1, itemCode, { itemCode, name, category, unit, unitValueVnd, stocked, perishable });
      return item;
    }));
  }
}
