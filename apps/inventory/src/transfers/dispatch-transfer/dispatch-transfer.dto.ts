import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCode, IsQuantity } from '@giftflow/platform';

export class TransferLineDto {
  @IsCode() itemCode!: string;
  @IsQuantity() quantity!: number;
  /** One lot; absent: first-expiring lots first. */
  @IsOptional() @IsUUID() lotId?: string;
}

export class DispatchTransferDto {
  @IsCode() fromWarehouseCode!: string;
  @IsCode() toWarehouseCode!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TransferLineDto) lines!: TransferLineDto[];
}
