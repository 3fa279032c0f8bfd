import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** What every volunteer step may carry, for offline phones. */
export class MarkDeliveryDto {
  /** When the volunteer tapped (ISO instant); default now; ≤ 5 minutes ahead of the server, not before the dispatch. */
  @IsOptional() @IsISO8601({ strict: true }) happenedAt?: string;
  /** The phone's id for this step (uuid): the same again answers the same and changes nothing. Generated when absent. */
  @IsOptional() @IsUUID() clientOpId?: string;
}
