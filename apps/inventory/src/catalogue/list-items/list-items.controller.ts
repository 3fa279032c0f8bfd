import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Item } from '../item.entity';

@Controller('items')
export class ListItemsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'The catalogue: [{code, name, category, unit, unitValueVnd, stocked, perishable, registeredAt}]' })
  list(): Promise<Item[]> {
    return this.dataSource.getRepository(Item).find({ order: { code: 'ASC' } });
  }

  @Get(':code')
  @ApiOkResponse({ description: 'One item' })
  @ApiNotFoundResponse({ description: 'Unknown code' })
  async one(@Param('code') code: string): Promise<Item> {
    const item = await this.dataSource.getRepository(Item).findOneBy({ code });
    if (!item) throw new NotFoundException(`item ${code} not found`);
    return item;
  }
}
