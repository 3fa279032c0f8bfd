import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsInt, Matches, Max, Min } from 'class-validator';

/** The same shapes as the event contracts' `fields` (libs/contracts/src/envelope.ts). */
export const IsCode = () =>
  Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: '$property must be a code of 1-64 letters, digits, _ . or -' });

export const IsCategory = () =>
  Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: '$property must be a lowercase code such as bicycles or school_supplies' });

/** A calendar date, e.g. 2026-06-30. */
export const IsCalendarDate = () =>
  applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2026-06-30' }), IsISO8601({ strict: true }));

/** Whole VND, stored as PostgreSQL integer. */
export const IsVnd = () => applyDecorators(IsInt(), Min(0), Max(2_147_483_647));

/** A positive whole number of units. */
export const IsQuantity = () => applyDecorators(IsInt(), Min(1), Max(1_000_000_000));
