import { IsOptional } from 'class-validator';
import { IsAdministrativeCode } from '@giftflow/platform';
import { PageQueryDto } from '../../paging/page-query.dto';

export class ListInstitutionsDto extends PageQueryDto {
  @IsOptional() @IsAdministrativeCode() districtCode?: string;
}
