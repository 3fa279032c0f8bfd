import { BadRequestException, ExecutionContext, RequestMethod, UseInterceptors, createParamDecorator } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { IdempotentAnswerInterceptor } from './idempotent-answer.interceptor';
import { requestHashOf } from './request-hash';

/**
 * A request that carried an `Idempotency-Key`: the key, the route it was sent to (`POST /pledges/:id/close`),
 * the hash of route + path parameters + body, and the status the route answers on success. Handed to
 * `answerOnce` inside the handler's transaction.
 */
export interface IdempotentRequest {
  key: string;
  route: string;
  requestHash: string;
  status: number;
}

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });

const idempotentRequestParam = createParamDecorator(
  (options: { required?: boolean } | undefined, context: ExecutionContext): IdempotentRequest | null => {
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.header('idempotency-key')?.trim() || null;
    if (!key) {
      if (options?.required) throw badRequest('Idempotency-Key header is required');
      return null;
    }
    if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw badRequest(`Idempotency-Key must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    const declared: number | undefined = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler());
    const status = declared ?? (req.method === RequestMethod[RequestMethod.POST] ? 201 : 200);
    return { key, route, requestHash: requestHashOf({ route, params: req.params, body: req.body }), status };
  },
);

/**
 * The route's `IdempotentRequest`, or null when the request has no `Idempotency-Key` header
 * (`{ required: true }`: 400 instead). The hash covers the path parameters and the body as the client sent
 * them (in canonical form: key order and null/absent fields do not matter). The route also gets
 * IdempotentAnswerInterceptor, which turns the IdempotentAnswer that answerOnce gives it into the HTTP answer: only
 * the routes that answer once carry it, not every route of the app (Nest's interceptor chain costs each route it runs on).
 */
export function IdempotentRequestOf(options?: { required?: boolean }): ParameterDecorator {
  return (target, key, index) => {
    idempotentRequestParam(options)(target, key, index);
    if (key !== undefined) UseInterceptors(IdempotentAnswerInterceptor)(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
}
