import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** OpenAPI: the route takes an `Idempotency-Key` header (see answerOnce). Add a 422 for a key reused with another body. */
export const ApiIdempotencyKey = (required = false) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required,
      description:
        'A retry with the same key and body answers the stored status and body with `Idempotent-Replayed: true` and changes nothing; ' +
        'the same key with another body or route is 422.',
    }),
  );
