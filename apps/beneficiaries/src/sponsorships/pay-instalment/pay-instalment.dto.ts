import { IsCalendarDate } from '@giftflow/platform';
import { IsMonth, IsPositiveVnd } from '../money';

export class PayInstalmentDto {
  @IsMonth() month!: string;
  @IsPositiveVnd() amountVnd!: number;
  /** When the money came in (a business date; never in the future). */
  @IsCalendarDate() paidOn!: string;
}
