import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger';
import { MAX, MIN, ValidationTypes, getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { SchemaObject } from '@nestjs/swagger';

// class-transformer keeps its @Type() metadata here; the package types this path but exports it only as cjs/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * Request schemas come from the class-validator decorators a DTO already has (class-validator-jsonschema,
 * nested classes through class-transformer's @Type), so nobody writes @ApiProperty by hand and a schema
 * cannot disagree with what the validation pipe accepts. Each derived property is registered with
 * @nestjs/swagger's own ApiProperty, which makes @Query() DTOs come out as query parameters too.
 * A property that already has a hand-written @ApiProperty keeps it.
 */
const documented = new WeakSet<Type<unknown>>();

/** Our custom validators (libs/platform/src/http/validators.ts) say what they accept through their constraints. */
const converters: ISchemaConverters = {
  [ValidationTypes.CUSTOM_VALIDATION]: (meta) => {
    if (meta.name === 'isEachOneOf') return { type: 'array', items: { type: 'string', enum: meta.constraints?.[0] as string[] } };
    if (meta.name === 'hasNoRepeated') return { type: 'array', description: `no two elements share the same ${String(meta.constraints?.[0])}` };
    return {};
  },
  // The library's Min/Max also say `type: number`, which would hide @IsInt's `integer`.
  [MIN]: (meta) => ({ minimum: meta.constraints?.[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints?.[0] as number }),
};

function schemaOf(dto: Type<unknown>): SchemaObject {
  return targetConstructorToSchema(dto, {
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: converters,
    refPointerPrefix: '#/components/schemas/',
  }) as SchemaObject;
}

/** The class a nested property holds (@ValidateNested + @Type(() => X)), if any. */
function nestedClass(dto: Type<unknown>, property: string): Type<unknown> | undefined {
  const typeFn = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction;
  const nested = typeFn?.() as Type<unknown> | undefined;
  return nested && getMetadataStorage().getTargetValidationMetadatas(nested, '', true, false).length > 0 ? nested : undefined;
}

/** The DTO and every class nested in it (@ValidateNested + @Type), each once. */
export function dtoClasses(dto: Type<unknown>, found = new Set<Type<unknown>>()): Set<Type<unknown>> {
  if (found.has(dto)) return found;
  found.add(dto);
  for (const property of Object.keys(schemaOf(dto).properties ?? {})) {
    const nested = nestedClass(dto, property);
    if (nested) dtoClasses(nested, found);
  }
  return found;
}

export function documentDto(dto: Type<unknown>): void {
  if (documented.has(dto)) return;
  documented.add(dto);
  const schema = schemaOf(dto);
  const required = new Set(schema.required ?? []);
  for (const [property, raw] of Object.entries(schema.properties ?? {})) {
    if (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property)) continue;
    const { $ref: _ref, items, ...rest } = raw as SchemaObject & { $ref?: string };
    const options: Record<string, unknown> = { ...rest, required: required.has(property) };
    const nested = nestedClass(dto, property);
    if (nested) {
      documentDto(nested);
      const isArray = rest.type === 'array' || Reflect.getMetadata('design:type', dto.prototype, property) === Array;
      Object.assign(options, { type: () => nested, isArray });
      if (isArray) delete options.items;
    } else if (items) {
      options.items = items;
    }
    ApiProperty(options)(dto.prototype, property);
  }
}
