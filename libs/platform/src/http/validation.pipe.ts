import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationTypes, ValidatorOptions, getMetadataStorage } from 'class-validator';

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
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const shapeErrors = nestedShapeErrors(object);
    // The shape is wrong: class-validator's own messages about the same values would only confuse.
    if (shapeErrors.length > 0) return shapeErrors;
    return super.validate(object, validatorOptions);
  }
}

const isPlainish = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ValidationErrors for every `@ValidateNested` property of `object` (recursively) holding the wrong shape. */
export function nestedShapeErrors(object: object, parent = '', depth = 0): ValidationError[] {
  if (depth > 16) return [];
  const nested = getMetadataStorage()
    .getTargetValidationMetadatas(object.constructor, '', true, false)
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  const errors: ValidationError[] = [];
  const error = (path: string, message: string) =>
    errors.push({ property: path, value: undefined, constraints: { nestedShape: message }, children: [] });
  for (const meta of new Map(nested.map((m) => [m.propertyName, m])).values()) {
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
