import { IsIn, IsOptional } from 'class-validator';

export class PrintRosterDto {
  @IsOptional() @IsIn(['csv', 'pdf']) format?: 'csv' | 'pdf';
}
