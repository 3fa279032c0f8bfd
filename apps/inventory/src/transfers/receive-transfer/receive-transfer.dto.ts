import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class ReceivedLineDto {
  @IsCode() itemCode!: string;
  /** What arrived (0 when none did). */
  @IsInt() @Min(0) @Max(1_000_000_000) quantity!: number;
}

export class ReceiveTransferDto {
  /** Absent: all of it arrived. An item not listed: none of it arrived. */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReceivedLineDto) lines?: ReceivedLineDto[];
}
