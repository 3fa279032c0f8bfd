import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Rejects a bad body with 400 and one message per bad field (nested ones by path, e.g.
 * `lines.0.quantity must be a positive number`); unknown fields are refused, not silently dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, error: 'Bad Request', message: flatten(errors) }),
  });
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => m.replace(new RegExp(`^${e.property}\\b`), path));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
