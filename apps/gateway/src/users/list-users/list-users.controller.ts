import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, PageQueryDto, pageRequestOf } from '@giftflow/platform';
import { User } from '../user.entity';
import { UserView, userViewOf } from '../user.view';

@Controller('api/auth/users')
export class ListUsersController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'A page of users by email: `{items, total, page, pageSize}`.' })
  @ApiBadRequestResponse({ description: 'A bad page or pageSize, named.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  async list(@Query() query: PageQueryDto): Promise<Page<UserView>> {
    const { page, pageSize, offset, limit } = pageRequestOf(query);
    const [users, total] = await this.db.getRepository(User).findAndCount({ order: { email: 'ASC' }, skip: offset, take: limit });
    return { items: users.map(userViewOf), total, page, pageSize };
  }
}
