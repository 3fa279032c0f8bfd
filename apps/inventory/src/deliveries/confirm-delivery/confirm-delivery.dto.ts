import { IsOptional, IsString, Length } from 'class-validator';
import { MarkDeliveryDto } from '../mark-delivery/mark-delivery.dto';

export class ConfirmDeliveryDto extends MarkDeliveryDto {
  /** Who signed for the gift: kept in inventory, never published. */
  @IsString() @Length(1, 200) receivedBy!: string;
  /** e.g. mother, teacher: published as a code (self, mother, father, grandparent, sibling, relative, guardian, teacher, staff; other text → other). */
  @IsOptional() @IsString() @Length(1, 64) relationship?: string;
  /** Kept in inventory, never published. */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
