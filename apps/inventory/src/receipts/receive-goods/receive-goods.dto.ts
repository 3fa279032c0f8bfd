import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCode, IsQuantity } from '@giftflow/platform';

export class ReceiptLineDto {
  @IsCode() itemCode!: string;
  @IsQuantity() quantity!: number;
  /** For perishables (milk); lots that expire first are given out first. */
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

export class ReceiveGoodsDto {
  @IsUUID() pledgeId!: string;
  @IsCode() warehouseCode!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];
}
