import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, paging } from '../../paging/page-query.dto';
import { Child, ChildView, childView } from '../child.entity';
import { foldName } from '../fold-name';
import { ListChildrenDto } from './list-children.dto';

/** The registry for staff: living records (not merged away), by folded name, district, commune, circumstance; by name. */
@Injectable()
export class ListChildrenView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: ListChildrenDto): Promise<Page<ChildView>> {
    const { page, pageSize, limit, offset } = paging(q);
    const query = this.db.manager.createQueryBuilder(Child, 'c').where('c.merged_into IS NULL');
    const search = q.search ? foldName(q.search) : '';
    if (search) query.andWhere(`c.search_name LIKE :pattern ESCAPE '\\'`, { pattern: `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
    if (q.districtCode) query.andWhere('c.district_code = :districtCode', { districtCode: q.districtCode });
    if (q.communeCode) query.andWhere('c.commune_code = :communeCode', { communeCode: q.communeCode });
    if (q.circumstance) query.andWhere(':circumstance = ANY(c.circumstances)', { circumstance: q.circumstance });
    const [rows, total] = await query.orderBy('c.search_name').addOrderBy('c.registered_at').addOrderBy('c.id').take(limit).skip(offset).getManyAndCount();
    return { items: rows.map(childView), total, page, pageSize };
  }
}
