import { IsBoolean, IsOptional } from 'class-validator';
import { Role } from '@giftflow/platform';
import { UserName, UserRole, WarehouseCodes } from '../user-fields.dto';

export class UpdateUserDto {
  @IsOptional() @UserName() name?: string;
  @IsOptional() @UserRole() role?: Role;
  @IsOptional() @WarehouseCodes() warehouseCodes?: string[];
  /** true disables the account (its sessions end; its log-ins fail); false enables it again. */
  @IsOptional() @IsBoolean() disabled?: boolean;
}
