import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Item } from '../item.entity';

@Controller('items')
export class ListItemsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  list(): Promise<Item[]> {
    return this.dataSource.getRepository(Item).find({ order: { code: 'ASC' } });
  }

  @Get(':code')
  async one(@Param('code') code: string): Promise<Item> {
    const item = await this.dataSource.getRepository(Item).findOneBy({ code });
    if (!item) throw new NotFoundException(`item ${code} not found`);
    return item;
  }
}
