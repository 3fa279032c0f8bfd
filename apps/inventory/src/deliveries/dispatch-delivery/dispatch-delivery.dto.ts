import { IsString, Length } from 'class-validator';
import { MarkDeliveryDto } from '../mark-delivery/mark-delivery.dto';

export class DispatchDeliveryDto extends MarkDeliveryDto {
  /** Who takes the gift out. */
  @IsString() @Length(1, 200) volunteer!: string;
}
