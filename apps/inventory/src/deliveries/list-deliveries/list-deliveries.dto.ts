import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCode, PageQueryDto } from '@giftflow/platform';
import { DELIVERY_STATUSES, DeliveryStatus } from '../delivery.entity';

export class ListDeliveriesDto extends PageQueryDto {
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @IsOptional() @IsString() @Length(1, 200) volunteer?: string;
  @IsOptional() @IsCode() warehouseCode?: string;
  @IsOptional() @IsUUID() campaignId?: string;
}
