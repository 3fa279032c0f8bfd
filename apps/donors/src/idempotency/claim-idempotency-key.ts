import { UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { IdempotencyScope, UsedIdempotencyKey } from './idempotency-key.entity';

/** What a create command answers: the resource, and whether an earlier request with the same key created it. */
export interface Created<T> {
  view: T;
  replayed: boolean;
}

/**
 * A request body in canonical form (keys sorted, absent and null fields dropped), hashed: a retry that
 * sends the same values in another key order or with `"campaignId": null` spelled out is the same request.
 */
export function requestHashOf(body: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  };
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Claims `key` for the resource about to be created as `resourceId`, inside the creating transaction.
 * Returns null when the key is new (go on and create), or the id an earlier request with the same key and
 * body created. The claim is an INSERT … ON CONFLICT DO NOTHING on the key's primary key: a concurrent
 * request with the same key waits on that index until the first transaction ends, then sees its row (or,
 * if the first one failed and rolled back, claims the key itself). No read-then-write race.
 */
export async function claimIdempotencyKey(
  m: EntityManager,
  claim: { scope: IdempotencyScope; key: string | null; body: object; resourceId: string },
): Promise<string | null> {
  const { scope, key, body, resourceId } = claim;
  if (!key) return null;
  const requestHash = requestHashOf(body);
  const inserted = await m.createQueryBuilder()
    .insert()
    .into(UsedIdempotencyKey)
    .values({ scope, key, requestHash, resourceId, createdAt: new Date() })
    .orIgnore()
    .returning('resource_id')
    .execute();
  if ((inserted.raw as unknown[]).length > 0) return null;
  const earlier = await m.findOneByOrFail(UsedIdempotencyKey, { scope, key });
  if (earlier.requestHash !== requestHash) {
    throw new UnprocessableEntityException(`Idempotency-Key ${key} was already used for a different request (it created ${earlier.resourceId})`);
  }
  return earlier.resourceId;
}

/** The created resource as the HTTP answer: 201 either way, and a replay says so in `Idempotent-Replayed: true`. */
export function answerCreated<T>(res: Response, created: Created<T>): T {
  if (created.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return created.view;
}
