import { IsString, Length } from 'class-validator';
import { IsCode } from '../../http/validators';

export class RegisterWarehouseDto {
  @IsCode() code!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsCode() districtCode!: string;
}
