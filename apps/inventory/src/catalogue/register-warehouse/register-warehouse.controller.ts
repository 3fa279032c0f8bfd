import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { WarehouseRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Actor } from '@giftflow/platform';
import { insertNew } from '../insert-new';
import { Warehouse } from '../warehouse.entity';
import { RegisterWarehouseDto } from './register-warehouse.dto';

@Controller('warehouses')
export class RegisterWarehouseController {
  constructor(private readonly uow: UnitOfWork) {}

  /** 201 with the warehouse; 409 when the code is taken. Publishes WarehouseRegistered. */
  @Post()
  @ApiCreatedResponse({ description: 'the warehouse; publishes WarehouseRegistered' })
  @ApiBadRequestResponse({ description: 'a field fails validation' })
  @ApiConflictResponse({ description: 'the warehouse code is taken' })
  register(@Body() body: RegisterWarehouseDto, @Actor() actor: string): Promise<Warehouse> {
    return this.uow.run({ actor }, async (tx) => {
      const warehouse = await insertNew(tx.manager, Warehouse, { ...body, registeredAt: new Date() }, `warehouse ${body.code} is already registered`);
      tx.publish(WarehouseRegisteredV1, warehouse.code, { warehouseCode: warehouse.code, name: warehouse.name, districtCode: warehouse.districtCode });
      return warehouse;
    });
  }
}
