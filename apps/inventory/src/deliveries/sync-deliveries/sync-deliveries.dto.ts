import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DELIVERY_ACTIONS, DeliveryAction } from '../mark-delivery/delivery-operation';

/** A phone's queue. Each operation is checked on its own: a bad one is answered `invalid`, the others still apply. */
export class SyncDeliveriesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) operations!: Record<string, unknown>[];
}

export class SyncOperationDto {
  @IsUUID() clientOpId!: string;
  @IsUUID() allocationId!: string;
  @IsIn(DELIVERY_ACTIONS) action!: DeliveryAction;
  @IsISO8601({ strict: true }) happenedAt!: string;
  @IsOptional() @IsString() @Length(1, 200) volunteer?: string;
  @IsOptional() @IsString() @Length(1, 200) receivedBy?: string;
  @IsOptional() @IsString() @Length(1, 64) relationship?: string;
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
