import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAdministrativeCode } from '@giftflow/platform';
import { PageQueryDto } from '../../paging/page-query.dto';
import { CHILD_CIRCUMSTANCES, ChildCircumstance } from '../circumstances';

export class ListChildrenDto extends PageQueryDto {
  /** Part of the name, ignoring case and diacritics ("nguyen van" finds "Nguyễn Văn…", "do" finds "Đỗ"). */
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @IsOptional() @IsAdministrativeCode() districtCode?: string;
  @IsOptional() @IsAdministrativeCode() communeCode?: string;
  @IsOptional() @IsIn(CHILD_CIRCUMSTANCES) circumstance?: ChildCircumstance;
}
