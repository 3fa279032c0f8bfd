import { IsCalendarDate } from '@giftflow/platform';

export class DonorStatementQuery {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;
}
