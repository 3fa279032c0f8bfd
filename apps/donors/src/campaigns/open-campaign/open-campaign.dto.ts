import { IsString, Length, Matches, ValidationArguments, ValidateBy } from 'class-validator';
import { IsCalendarDate } from '@giftflow/platform';

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export class OpenCampaignDto {
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;
  @IsCalendarDate() startsOn!: string;
  @IsCalendarDate()
  @ValidateBy({
    name: 'notBeforeStart',
    validator: {
      // Only compared once both are dates; a bad startsOn is reported on its own.
      validate: (endsOn: unknown, args?: ValidationArguments) => {
        const startsOn = (args?.object as OpenCampaignDto).startsOn;
        return !isDate(endsOn) || !isDate(startsOn) || endsOn >= startsOn;
      },
      defaultMessage: () => 'endsOn must not be before startsOn',
    },
  })
  endsOn!: string;
}
