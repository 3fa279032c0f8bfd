import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationTypes, ValidatorOptions, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * Rejects a bad body, query or params DTO with 400 and one message per bad field (nested ones by path, e.g.
 * `lines.0.quantity must be a positive number`); unknown fields are refused, not silently dropped.
 *
 * On top of class-validator it checks the shape of nested values: class-validator accepts `lines: [[]]` for
 * `@ValidateNested({ each: true })` (it validates an array inside the array as if it were the element) and an
 * array where one object is declared, so a handler would get an array where it expects an object. Every
 * `@ValidateNested` property must hold an object (or, with `each`, an array of objects), never an array.
 */
export function createValidationPipe(): ValidationPipe {
  return new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}

/** The one 400 body of the platform: `{statusCode: 400, error: 'Bad Request', message: [one per bad field]}`. */
export function badRequest(messages: string[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: messages });
}

class ShapeCheckingValidationPipe extends ValidationPipe {
  // eslint-disable-next-line @typescript-eslint/ban-types
  private readonly validWhenEmpty = new WeakSet<Function>();

  /**
   * An empty query or body (`GET /stock`, `GET /deliveries`: the busiest reads) for a DTO that has already passed
   * empty is a fresh instance, without class-transformer and class-validator (~6 % of such a read's CPU). Only a
   * DTO whose first empty input passed and came out as an instance with no field set (class fields are defined
   * as undefined, as a fresh instance has them) is remembered, so a DTO with a required field, a default or an
   * exposed property always goes the whole way.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    const empty = isEmptyObject(value) && typeof metatype === 'function';
    if (empty && this.validWhenEmpty.has(metatype)) return new (metatype as new () => object)();
    const result: unknown = await super.transform(value, metadata);
    if (empty && result instanceof metatype && result !== value && Object.values(result).every((v) => v === undefined)) this.validWhenEmpty.add(metatype);
    return result;
  }

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const shapeErrors = nestedShapeErrors(object);
    // The shape is wrong: class-validator's own messages about the same values would only confuse.
    if (shapeErrors.length > 0) return shapeErrors;
    return super.validate(object, validatorOptions);
  }
}

const isPlainish = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyObject = (v: unknown): boolean =>
  isPlainish(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) && Object.keys(v).length === 0;

// eslint-disable-next-line @typescript-eslint/ban-types
const nestedByClass = new Map<Function, ValidationMetadata[]>();

/**
 * The `@ValidateNested` properties of a class, one per property name. Looked up once per class: class-validator's
 * lookup filters every metadata it holds, and this ran on every request with a DTO (query, params, body).
 * Decorators are applied when a class is defined, so a class's list does not change afterwards.
 */
// eslint-disable-next-line @typescript-eslint/ban-types
function nestedPropertiesOf(target: Function): ValidationMetadata[] {
  let nested = nestedByClass.get(target);
  if (!nested) {
    const all = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    nested = [...new Map(all.map((m) => [m.propertyName, m])).values()];
    nestedByClass.set(target, nested);
  }
  return nested;
}

/** ValidationErrors for every `@ValidateNested` property of `object` (recursively) holding the wrong shape. */
export function nestedShapeErrors(object: object, parent = '', depth = 0): ValidationError[] {
  if (depth > 16) return [];
  const errors: ValidationError[] = [];
  const error = (path: string, message: string) =>
    errors.push({ property: path, value: undefined, constraints: { nestedShape: message }, children: [] });
  for (const meta of nestedPropertiesOf(object.constructor)) {
    const value = (object as Record<string, unknown>)[meta.propertyName];
    const path = parent ? `${parent}.${meta.propertyName}` : meta.propertyName;
    if (value === undefined || value === null) continue; // @IsOptional / @IsDefined decide
    if (meta.each) {
      if (!Array.isArray(value)) continue; // @IsArray says so
      value.forEach((element, i) => {
        if (!isPlainish(element)) error(`${path}.${i}`, `${path}.${i} must be an object`);
        else errors.push(...nestedShapeErrors(element, `${path}.${i}`, depth + 1));
      });
    } else if (!isPlainish(value)) {
      error(path, `${path} must be an object`);
    } else {
      errors.push(...nestedShapeErrors(value, path, depth + 1));
    }
  }
  return errors;
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(path) ? m : m.replace(new RegExp(`^${escape(e.property)}\\b`), path)));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
