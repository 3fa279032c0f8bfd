import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Warehouse } from '../warehouse.entity';

@Controller('warehouses')
export class ListWarehousesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'every warehouse' })
  list(): Promise<Warehouse[]> {
    return this.dataSource.getRepository(Warehouse).find({ order: { code: 'ASC' } });
  }
}
