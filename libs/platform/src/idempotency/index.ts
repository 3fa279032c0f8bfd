export * from './request-hash';
export * from './idempotent-request.decorator';
export * from './idempotent-answer';
export * from './answer-once';
export * from './idempotent-answer.interceptor';
export * from './create-http-idempotency-table.migration';
export * from './api-idempotency-key.decorator';
