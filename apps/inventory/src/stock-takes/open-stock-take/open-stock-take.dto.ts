import { IsCode } from '@giftflow/platform';

export class OpenStockTakeDto {
  @IsCode() warehouseCode!: string;
}
