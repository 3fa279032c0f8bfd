import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { ItemRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Actor } from '@giftflow/platform';
import { insertNew } from '../insert-new';
import { Item } from '../item.entity';
import { RegisterItemDto } from './register-item.dto';

@Controller('items')
export class RegisterItemController {
  constructor(private readonly uow: UnitOfWork) {}

  /** 201 with the item; 409 when the code is taken. Publishes ItemRegistered. */
  @Post()
  @ApiCreatedResponse({ description: 'the item; publishes ItemRegistered' })
  @ApiBadRequestResponse({ description: 'a field fails validation' })
  @ApiConflictResponse({ description: 'the item code is taken' })
  register(@Body() body: RegisterItemDto, @Actor() actor: string): Promise<Item> {
    return this.uow.run({ actor }, async (tx) => {
      const item = await insertNew(tx.manager, Item, { ...body, registeredAt: new Date() }, `item ${body.code} is already registered`);
      const { code: itemCode, name, category, unit, unitValueVnd } = item;
      tx.publish(ItemRegisteredV1, itemCode, { itemCode, name, category, unit, unitValueVnd });
      return item;
    });
  }
}
