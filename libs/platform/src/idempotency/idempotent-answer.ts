/**
 * What a route guarded by an Idempotency-Key answers: the body, the status, and whether it is the stored
 * answer of an earlier request with the same key (`IdempotentAnswerInterceptor` turns that into the header
 * `Idempotent-Replayed: true`).
 */
export class IdempotentAnswer<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly replayed: boolean,
  ) {}
}
