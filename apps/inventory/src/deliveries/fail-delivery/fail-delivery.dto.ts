import { IsOptional, IsString, Length } from 'class-validator';
import { MarkDeliveryDto } from '../mark-delivery/mark-delivery.dto';

export class FailDeliveryDto extends MarkDeliveryDto {
  /** not_home | moved | refused | wrong_address | damaged | other; any other text is kept as the note with reason other. */
  @IsString() @Length(1, 500) reason!: string;
  /** Kept in inventory, never published. */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
