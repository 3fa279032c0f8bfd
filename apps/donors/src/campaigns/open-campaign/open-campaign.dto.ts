import { IsString, Length, ValidationArguments, ValidateBy } from 'class-validator';
import { IsCalendarDate } from '@giftflow/platform';

export class OpenCampaignDto {
  @IsString() @Length(1, 200) name!: string;
  @IsCalendarDate() startsOn!: string;
  @IsCalendarDate()
  @ValidateBy({
    name: 'notBeforeStart',
    validator: {
      validate: (endsOn: unknown, args?: ValidationArguments) =>
        typeof endsOn === 'string' && endsOn >= String((args?.object as OpenCampaignDto).startsOn ?? ''),
      defaultMessage: () => 'endsOn must not be before startsOn',
    },
  })
  endsOn!: string;
}
