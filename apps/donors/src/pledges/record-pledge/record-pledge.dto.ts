import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { HasNoRepeated, IsCode, IsQuantity, IsVnd } from '@giftflow/platform';

export class PledgeLineDto {
  @IsCode() itemCode!: string;
  @IsQuantity() quantity!: number;
  /** Optional: without it, reports value the line at the catalogue's unit value. */
  @IsOptional() @IsVnd() unitValueVnd?: number;
}

export class RecordPledgeDto {
  @IsUUID('all', { message: 'donorId must be a UUID' }) donorId!: string;
  @IsOptional() @IsUUID('all', { message: 'campaignId must be a UUID' }) campaignId?: string;
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must have at least one line' })
  @ArrayMaxSize(200)
  @HasNoRepeated((l: PledgeLineDto) => l?.itemCode, 'item')
  @ValidateNested({ each: true })
  @Type(() => PledgeLineDto)
  lines!: PledgeLineDto[];
}
