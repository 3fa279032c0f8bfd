import { IsOptional, IsString, Length } from 'class-validator';

export class ConfirmDeliveryDto {
  /** Who signed for the gift: kept in inventory, never published. */
  @IsString() @Length(1, 200) receivedBy!: string;
  /** e.g. mother, teacher: published with DeliveryConfirmed. */
  @IsOptional() @IsString() @Length(1, 64) relationship?: string;
  /** Kept in inventory, never published. */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
