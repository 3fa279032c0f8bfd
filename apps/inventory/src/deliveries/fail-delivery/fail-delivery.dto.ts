import { IsString, Length } from 'class-validator';

export class FailDeliveryDto {
  /** e.g. "family moved": published with StockReleased and DeliveryFailed. */
  @IsString() @Length(1, 500) reason!: string;
}
