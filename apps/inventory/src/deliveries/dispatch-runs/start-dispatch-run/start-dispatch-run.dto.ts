import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCode } from '@giftflow/platform';

export class StartDispatchRunDto {
  @IsCode() warehouseCode!: string;
  @IsString() @Length(1, 200) volunteer!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) allocationIds!: string[];
  /** When the van left (default now). */
  @IsOptional() @IsISO8601({ strict: true }) happenedAt?: string;
}
