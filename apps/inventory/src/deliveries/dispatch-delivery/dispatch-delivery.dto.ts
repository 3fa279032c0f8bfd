import { IsString, Length } from 'class-validator';

export class DispatchDeliveryDto {
  /** Who takes the gift out. */
  @IsString() @Length(1, 200) volunteer!: string;
}
