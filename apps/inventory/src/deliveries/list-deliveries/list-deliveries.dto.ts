import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../delivery.entity';

export class ListDeliveriesDto {
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
}
