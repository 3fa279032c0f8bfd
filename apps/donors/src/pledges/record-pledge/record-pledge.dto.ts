import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateBy, ValidateNested, ValidationArguments } from 'class-validator';
import { HasNoRepeated, IsCalendarDate, IsCode, IsQuantity, IsVnd, MAX_SAFE_VND } from '@giftflow/platform';

export class PledgeLineDto {
  @IsCode() itemCode!: string;
  @IsQuantity() quantity!: number;
  /** Optional: without it, reports value the line at the catalogue's unit value. Up to 2^53 - 1 (a 5 billion VND cash gift). */
  @IsOptional() @IsVnd(MAX_SAFE_VND) unitValueVnd?: number;
}

/** A pledge's lines as recorded or amended: one to 200, one line per item. */
export class PledgeLinesDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must have at least one line' })
  @ArrayMaxSize(200)
  @HasNoRepeated((l: PledgeLineDto) => l?.itemCode, 'item')
  @ValidateNested({ each: true })
  @Type(() => PledgeLineDto)
  lines!: PledgeLineDto[];
}

export class RecordPledgeDto extends PledgeLinesDto {
  @IsUUID('all', { message: 'donorId must be a UUID' }) donorId!: string;
  @IsOptional() @IsUUID('all', { message: 'campaignId must be a UUID' }) campaignId?: string;
  /** Business date of a pledge entered later from paper; never in the future (422). Default: today (Asia/Ho_Chi_Minh). */
  @IsOptional() @IsCalendarDate() pledgedOn?: string;
  /** When the donor says the goods will come (not before pledgedOn); afterwards the pledge shows as overdue until they do. */
  @IsOptional()
  @IsCalendarDate()
  @ValidateBy({
    name: 'notBeforePledgedOn',
    validator: {
      validate: (expectedOn: unknown, args?: ValidationArguments) => {
        const pledgedOn = (args?.object as RecordPledgeDto).pledgedOn;
        return typeof expectedOn !== 'string' || typeof pledgedOn !== 'string' || expectedOn >= pledgedOn;
      },
      defaultMessage: () => 'expectedOn must not be before pledgedOn',
    },
  })
  expectedOn?: string;
}
