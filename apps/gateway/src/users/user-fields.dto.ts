import { ArrayMaxSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, Role } from '@giftflow/platform';
import { MIN_PASSWORD_LENGTH } from './passwords';

/** Validators shared by the user routes' DTOs. */
export const UserRole = () => IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` });
export const WarehouseCodes = (): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  ArrayMaxSize(50)(target, key);
  Matches(/^[A-Z0-9][A-Z0-9_-]{0,49}$/, { each: true, message: 'each of warehouseCodes must be a warehouse code such as ST-FUND' })(target, key);
};
export const Password = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Length(MIN_PASSWORD_LENGTH, 1024, { message: `password must be ${MIN_PASSWORD_LENGTH} to 1024 characters long` })(target, key);
};
export const UserName = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Length(1, 200)(target, key);
  Matches(/\S/, { message: 'name must not be blank' })(target, key);
};

/** Only a volunteer works for warehouses, and a volunteer for at least one. */
export function warehouseProblem(role: Role, warehouseCodes: string[]): string | null {
  if (role === 'warehouse_volunteer' && warehouseCodes.length === 0) return 'warehouseCodes must name at least one warehouse for a warehouse_volunteer';
  if (role !== 'warehouse_volunteer' && warehouseCodes.length > 0) return 'warehouseCodes apply to a warehouse_volunteer only';
  return null;
}
