import { UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdempotentAnswer } from './idempotent-answer';
import type { IdempotentRequest } from './idempotent-request.decorator';

interface StoredAnswer {
  route: string;
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
}

/**
 * Runs `work` once per Idempotency-Key, inside the caller's transaction, and stores its answer with the key in
 * that same transaction (table `http_idempotency`, see CreateHttpIdempotencyTable).
 *
 * - No key (`request` null): runs `work`, nothing is stored.
 * - A new key: claims it with `INSERT … ON CONFLICT DO NOTHING`, runs `work`, stores status + body. The state
 *   change, its events and the stored answer commit together or not at all.
 * - A key in use by a transaction still running: the INSERT waits on the key's unique index until that
 *   transaction ends. If it committed, this request gets its stored answer; if it rolled back (e.g. a 422),
 *   the key is free and this request claims it and runs `work` itself. Never a 500, never a second write.
 * - A key already answered: the same route and request hash → the stored status and body, `replayed: true`,
 *   and `work` is not run; another route or body → 422.
 *
 * Errors thrown by `work` roll the transaction back and leave nothing stored, so a corrected retry with the
 * same key is a new request.
 */
export async function answerOnce<T>(
  m: EntityManager,
  request: IdempotentRequest | null,
  work: () => Promise<T>,
): Promise<IdempotentAnswer<T>> {
  const status = request?.status ?? 201;
  if (!request) return new IdempotentAnswer(status, await work(), false);
  if (!m.queryRunner?.isTransactionActive) throw new Error('answerOnce must run inside the transaction that makes the change');

  const claimed: unknown[] = await m.query(
    `INSERT INTO http_idempotency (idempotency_key, route, request_hash, created_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
    [request.key, request.route, request.requestHash],
  );
  if (claimed.length === 0) return replay<T>(m, request);

  const body = await work();
  await m.query('UPDATE http_idempotency SET response_status = $2, response_body = $3 WHERE idempotency_key = $1', [
    request.key, status, JSON.stringify(body ?? null),
  ]);
  return new IdempotentAnswer(status, body, false);
}

async function replay<T>(m: EntityManager, request: IdempotentRequest): Promise<IdempotentAnswer<T>> {
  const [stored]: StoredAnswer[] = await m.query(
    'SELECT route, request_hash, response_status, response_body FROM http_idempotency WHERE idempotency_key = $1',
    [request.key],
  );
  if (!stored || stored.response_status === null) {
    // Only reachable if a row was committed without an answer, which answerOnce never does.
    throw new Error(`Idempotency-Key ${request.key} is claimed but has no stored answer`);
  }
  if (stored.route !== request.route || stored.request_hash !== request.requestHash) {
    throw new UnprocessableEntityException(
      `Idempotency-Key ${request.key} was already used for a different request (${stored.route}); send a new key for a new request`,
    );
  }
  return new IdempotentAnswer(stored.response_status, stored.response_body as T, true);
}
