import { IsString, Length } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class RegisterWarehouseDto {
  @IsCode() code!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsCode() districtCode!: string;
}
