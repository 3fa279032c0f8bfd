import { Injectable } from '@nestjs/common';
import { WarehouseRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { insertNew } from '../insert-new';
import { Warehouse } from '../warehouse.entity';
import { RegisterWarehouseDto } from './register-warehouse.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/** A new warehouse and its WarehouseRegistered, in one transaction; 409 when the code is taken. */
@Injectable()
export class RegisterWarehouseHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterWarehouseDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<Warehouse>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const warehouse = await insertNew(tx.manager, Warehouse, { ...body, registeredAt: new Date() }, `warehouse ${body.code} is already registered`);
      tx.publish(WarehouseRegisteredV1, warehouse.code, { warehouseCode: warehouse.code, name: warehouse.name, districtCode: warehouse.districtCode });
      return warehouse;
    }));
  }
}
