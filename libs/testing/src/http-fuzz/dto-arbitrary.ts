import { Type } from '@nestjs/common';
import { ValidationTypes, getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
/** class-transformer's own store of `@Type(() => X)`, where nested DTO classes are declared (not re-exported by it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: object, property: string): { typeFunction: () => unknown } | undefined };
};

/**
 * A value the fuzzer takes from what earlier answers returned (an id a POST created, an item code), resolved
 * when the request is sent: bodies and paths can then name things that exist, and reach past the 404/422s.
 */
export class PoolRef {
  constructor(readonly kind: 'uuid' | 'code', readonly index: number) {}
}
export const poolUuid = (): fc.Arbitrary<PoolRef | string> => fc.oneof({ weight: 3, arbitrary: fc.nat().map((i) => new PoolRef('uuid', i)) }, { weight: 1, arbitrary: fc.uuid() });
export const poolCode = (fallback: fc.Arbitrary<string>): fc.Arbitrary<PoolRef | string> =>
  fc.oneof({ weight: 1, arbitrary: fc.nat().map((i) => new PoolRef('code', i)) }, { weight: 2, arbitrary: fallback });

/** Strings that broke, or could break, a service: what PostgreSQL refuses, what URLs and JSON make awkward. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '', ' ', '%00', "'; DROP TABLE x; --", '../../etc', '\\', '"', '🚲', 'ắ', '\u202E', '0', '-1', 'null', '__proto__', 'constructor'),
    fc.integer({ min: 65, max: 20_000 }).map((n) => 'x'.repeat(n)),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );

/** Any JSON-ish value, biased to shapes that confuse DTO validation: `[[]]`, `{}`, huge and fractional numbers. */
export const nastyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    nastyString(),
    fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [{}], [null], [[{}]], { a: [] }, 0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, '1', [1, 2]),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.jsonValue({ maxDepth: 3 }),
  );

const byName = (metas: ValidationMetadata[], name: string) => metas.find((m) => m.name === name || m.type === name);

/** A plausible value for one property from its class-validator constraints (not always valid: that is fine). */
function propertyArbitrary(target: Type<unknown>, property: string, metas: ValidationMetadata[], depth: number): fc.Arbitrary<unknown> {
  const one = (each: boolean): fc.Arbitrary<unknown> => {
    const own = metas.filter((m) => Boolean(m.each) === each || !each);
    const get = (name: string) => byName(own, name);
    const min = get('min')?.constraints?.[0] as number | undefined;
    const max = get('max')?.constraints?.[0] as number | undefined;
    const matches = get('matches')?.constraints?.[0] as RegExp | string | undefined;
    const inValues = (get('isIn')?.constraints?.[0] ?? (get('isEnum') && Object.values(get('isEnum')!.constraints[0] as object))) as unknown[] | undefined;
    if (get(ValidationTypes.NESTED_VALIDATION)) {
      const type = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction() as Type<unknown> | undefined;
      return type && depth < 4 ? dtoArbitrary(type, depth + 1) : fc.object({ maxDepth: 1 });
    }
    if (inValues?.length) return fc.constantFrom(...inValues);
    if (get('isUuid')) return poolUuid();
    if (matches !== undefined) {
      const regex = typeof matches === 'string' ? new RegExp(matches) : matches;
      const looksLikeCode = /^\^\[A-Za-z0-9_\.-\]/.test(regex.source) || property.toLowerCase().endsWith('code');
      const matching = fc.stringMatching(regex).filter((s) => s.length <= 200);
      return looksLikeCode ? poolCode(matching) : matching;
    }
    if (get('isInt')) return fc.integer({ min: min ?? -1_000, max: max ?? 1_000_000 });
    if (get('isNumber') || get('isPositive')) return fc.double({ min: min ?? 0, max: max ?? 1e6, noNaN: true });
    if (get('isBoolean')) return fc.boolean();
    if (get('isIso8601') || get('isDateString')) return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    if (get('isEmail')) return fc.emailAddress();
    if (get('isString') || get('isLength') || get('minLength') || get('maxLength')) {
      const length = get('isLength')?.constraints as [number, number?] | undefined;
      return fc.string({ unit: 'grapheme', minLength: length?.[0] ?? 1, maxLength: Math.min(length?.[1] ?? 40, 60) });
    }
    if (/(Date|On)$/.test(property)) {
      // A custom date rule (e.g. a birth date): calendar dates, mostly plausible.
      return fc.date({ min: new Date('2005-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    }
    if (get('isObject')) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    return fc.oneof(fc.string({ maxLength: 20 }), fc.integer());
  };
  const eachOneOf = byName(metas, 'isEachOneOf')?.constraints?.[0] as readonly unknown[] | undefined;
  if (eachOneOf?.length) return fc.subarray([...eachOneOf], { minLength: 1 });
  if (byName(metas, 'isArray') || metas.some((m) => m.each)) {
    const minLength = (byName(metas, 'arrayMinSize')?.constraints?.[0] as number | undefined) ?? 0;
    const maxLength = Math.min((byName(metas, 'arrayMaxSize')?.constraints?.[0] as number | undefined) ?? 5, 5);
    return fc.array(one(true), { minLength: Math.min(minLength, maxLength), maxLength });
  }
  return one(false);
}

/**
 * Plausible instances of a DTO class, built from its class-validator metadata (the same metadata the
 * validation pipe checks against): right field names and types, pool ids and codes, nested DTOs. Optional
 * fields are sometimes left out. Most such bodies are valid, so the fuzzer gets past validation to handlers.
 */
export function dtoArbitrary(dto: Type<unknown>, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties = [...new Set(metas.map((m) => m.propertyName))];
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  for (const property of properties) {
    const own = metas.filter((m) => m.propertyName === property);
    record[property] = propertyArbitrary(dto, property, own, depth);
    if (own.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION)) optional.push(property); // @IsOptional
  }
  const required = properties.filter((p) => !optional.includes(p));
  return fc.record(record, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}
