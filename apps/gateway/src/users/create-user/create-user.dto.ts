import { IsEmail, IsOptional } from 'class-validator';
import { Role } from '@giftflow/platform';
import { Password, UserName, UserRole, WarehouseCodes } from '../user-fields.dto';

export class CreateUserDto {
  @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @UserName() name!: string;
  @UserRole() role!: Role;
  /** The warehouses a warehouse_volunteer works for (required for one, refused for the other roles). */
  @IsOptional() @WarehouseCodes() warehouseCodes?: string[];
  @Password() password!: string;
}
