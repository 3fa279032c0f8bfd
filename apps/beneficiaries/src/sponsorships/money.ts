import { applyDecorators } from '@nestjs/common';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** A positive whole VND amount, 64-bit (bigint column), up to what a JSON number holds exactly. */
export const IsPositiveVnd = () => applyDecorators(IsInt(), Min(1), Max(Number.MAX_SAFE_INTEGER));

/** A month, e.g. 2023-01. */
export const IsMonth = () => Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month like 2023-01' });
