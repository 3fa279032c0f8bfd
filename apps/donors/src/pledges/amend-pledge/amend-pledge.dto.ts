import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { HasNoRepeated } from '@giftflow/platform';
import { PledgeLineDto } from '../record-pledge/record-pledge.dto';

/** The lines to change, by item: a listed item already on the pledge gets the new quantity (and value, if sent); a new item is added. */
export class AmendPledgeDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must have at least one line' })
  @ArrayMaxSize(200)
  @HasNoRepeated((l: PledgeLineDto) => l?.itemCode, 'item')
  @ValidateNested({ each: true })
  @Type(() => PledgeLineDto)
  lines!: PledgeLineDto[];
}
