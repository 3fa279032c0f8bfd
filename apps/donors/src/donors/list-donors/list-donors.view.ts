import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Page, containsPattern, foldForSearch, pageOf, pageRequestOf } from '@giftflow/platform';
import { Donor } from '../donor.entity';
import { DonorView, donorView } from '../donor.view';
import { duplicateKeysOf } from '../duplicate-keys';
import { ListDonorsQueryDto } from './list-donors.dto';

/**
 * The donor register, by name. `search` matches part of the folded name ("nguyen van" finds "Nguyễn Văn An",
 * "do" finds "Đỗ"), or part of the phone, e-mail or tax code as they are compared for duplicates.
 */
@Injectable()
export class ListDonorsView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ListDonorsQueryDto): Promise<Page<DonorView>> {
    const request = pageRequestOf(query);
    const q = this.db.manager.createQueryBuilder(Donor, 'd');
    if (query.kind) q.andWhere('d.kind = :kind', { kind: query.kind });
    const search = query.search ? foldForSearch(query.search) : '';
    if (search) {
      const keys = duplicateKeysOf({ phone: search, email: search, taxCode: search });
      const like = (key: string | null) => (key ? containsPattern(key).toLowerCase() : null);
      q.andWhere(new Brackets((or) => {
        or.where('d.name_folded LIKE :name', { name: containsPattern(search) });
        if (/\d{3}/.test(search)) or.orWhere('d.phone_key LIKE :phone', { phone: like(keys.phoneKey) });
        or.orWhere('d.email_key LIKE :email', { email: like(keys.emailKey) });
        if (keys.taxCodeKey) or.orWhere('lower(d.tax_code_key) LIKE :tax', { tax: like(keys.taxCodeKey) });
      }));
    }
    const [rows, total] = await q.orderBy('d.name_folded').addOrderBy('d.id').skip(request.offset).take(request.limit).getManyAndCount();
    return pageOf(rows.map(donorView), total, request);
  }
}
