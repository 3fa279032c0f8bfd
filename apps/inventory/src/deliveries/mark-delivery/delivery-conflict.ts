import { ConflictException, HttpException } from '@nestjs/common';
import { Delivery } from '../delivery.entity';

/** 409 for a step that does not start from the delivery's status, with what it is now: `{currentStatus, decidedAt, by}`. */
export function notFrom(d: Delivery, message: string): HttpException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, currentStatus: d.status, decidedAt: d.decidedAt?.toISOString() ?? null, by: d.decidedBy });
}

/** 409 for a decision on a delivery already delivered or failed: never an overwrite. */
export function alreadyDecided(d: Delivery): HttpException {
  const at = d.decidedAt ? ` (at ${d.decidedAt.toISOString()}${d.decidedBy ? ` by ${d.decidedBy}` : ''})` : '';
  return notFrom(d, `delivery ${d.allocationId} is already ${d.status}${at}`);
}
