import { applyDecorators } from '@nestjs/common';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsISO8601, IsInt, Matches, Max, Min, ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';

/** The same shapes as the event contracts' `fields` (libs/contracts/src/envelope.ts). */
export const IsCode = () =>
  Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: '$property must be a code of 1-64 letters, digits, _ . or -' });

export const IsCategory = (options?: ValidationOptions) =>
  Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: '$property must be a lowercase code such as bicycles or school_supplies', ...options });

/** A calendar date, e.g. 2026-06-30. */
export const IsCalendarDate = () =>
  applyDecorators(
    // Years 1900–2999: the fund's records, and what PostgreSQL dates and Excel cells hold without surprises.
    Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, { message: '$property must be a date like 2026-06-30' }),
    IsISO8601({ strict: true }),
    // The OpenAPI schema (libs/platform/src/openapi): a date, not IsISO8601's date or date-time.
    JSONSchema(() => ({ type: 'string', format: 'date', pattern: '^(19|2\\d)\\d{2}-\\d{2}-\\d{2}$' })),
  );

/** The largest VND amount a 64-bit column holds that a JSON number still carries exactly (2^53 - 1). */
export const MAX_SAFE_VND = Number.MAX_SAFE_INTEGER;

/**
 * Whole VND. The default bound fits a PostgreSQL `integer` column; a service whose money columns are `bigint`
 * passes MAX_SAFE_VND (a 5 billion VND gift).
 */
export const IsVnd = (max = 2_147_483_647) => applyDecorators(IsInt(), Min(0), Max(max));

/** A positive whole number of units. */
export const IsQuantity = () => applyDecorators(IsInt(), Min(1), Max(1_000_000_000));

/** District and commune codes of the national administrative register, e.g. "757", "31498". */
export const IsAdministrativeCode = (options?: ValidationOptions) =>
  Matches(/^\d{1,10}$/, { message: '$property must be an administrative code of digits, e.g. "757"', ...options });


/**
 * Every element of an array is one of `allowed`; the message names each bad element by its index
 * (`circumstances.1 must be one of …`), as the validation pipe names nested fields.
 */
export function IsEachOneOf(allowed: readonly string[], options?: ValidationOptions) {
  const bad = (value: unknown) =>
    Array.isArray(value) ? value.flatMap((v, i) => (typeof v === 'string' && allowed.includes(v) ? [] : [i])) : [];
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isEachOneOf',
      target: target.constructor,
      propertyName: property,
      // Readable from the metadata: the OpenAPI schema (libs/platform/src/openapi/document-dtos.ts) and the fuzzer use it.
      constraints: [allowed],
      options,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && bad(value).length === 0,
        defaultMessage: (args: ValidationArguments) => {
          const paths = bad(args.value).map((i) => `${args.property}.${i}`);
          return `${paths.join(', ') || args.property} must be one of: ${allowed.join(', ')}`;
        },
      },
    });
}

/** No two elements of an array share `key`'s value (e.g. the same item on two lines). */
export function HasNoRepeated<T>(key: (element: T) => unknown, what: string, options?: ValidationOptions) {
  const repeated = (value: unknown) => {
    if (!Array.isArray(value)) return [];
    const seen = new Set<unknown>();
    return value.map((e) => key(e as T)).filter((k) => k !== undefined && (seen.has(k) || !seen.add(k)));
  };
  return (target: object, property: string) =>
    registerDecorator({
      name: 'hasNoRepeated',
      target: target.constructor,
      propertyName: property,
      constraints: [what],
      options,
      validator: {
        validate: (value: unknown) => repeated(value).length === 0,
        defaultMessage: (args: ValidationArguments) => `${args.property} must not list the same ${what} twice (${[...new Set(repeated(args.value))].join(', ')})`,
      },
    });
}
