import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCode, IsQuantity } from '@giftflow/platform';

export class ReceiptLineDto {
  @IsCode() itemCode!: string;
  @IsQuantity() quantity!: number;
  /** For perishables (milk), required for them; lots that expire first are given out first. Never before the receipt's date. */
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

/** Against a pledge (`pledgeId`), or a walk-in donation with no prior pledge (`donorId`, `campaignId?`). */
export class ReceiveGoodsDto {
  @ValidateIf((o: ReceiveGoodsDto) => o.donorId === undefined) @IsUUID() pledgeId?: string;
  @ValidateIf((o: ReceiveGoodsDto) => o.pledgeId === undefined) @IsUUID() donorId?: string;
  @IsOptional() @IsUUID() campaignId?: string;
  @IsCode() warehouseCode!: string;
  /** The business date on the paper record; never in the future; default today (Asia/Ho_Chi_Minh). */
  @IsOptional() @IsCalendarDate() receivedOn?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];
}
