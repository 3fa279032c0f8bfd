import { DELIVERY_FAILURE_REASONS, RELATIONSHIPS } from '@giftflow/contracts';

export const DELIVERY_ACTIONS = ['dispatch', 'confirm', 'fail'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];
export type FailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A volunteer's step, as tapped on a phone (perhaps offline, sent later). */
export interface DeliveryOperation {
  clientOpId: string;
  allocationId: string;
  action: DeliveryAction;
  /** When the volunteer tapped. */
  happenedAt: Date;
  volunteer?: string;
  dispatchRunId?: string;
  receivedBy?: string;
  relationship?: string;
  reason?: string;
  note?: string;
}

/** How far ahead of the server's clock a phone's happenedAt may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Why a happenedAt cannot be accepted, or null: not > 5 min ahead of now, not before the dispatch's happenedAt. */
export function happenedAtProblem(op: Pick<DeliveryOperation, 'action' | 'happenedAt'>, dispatchedAt: Date | null, now: Date): string | null {
  if (op.happenedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return `happenedAt ${op.happenedAt.toISOString()} is more than 5 minutes ahead of the server's clock (${now.toISOString()})`;
  }
  if (op.action !== 'dispatch' && dispatchedAt && op.happenedAt < dispatchedAt) {
    return `happenedAt ${op.happenedAt.toISOString()} is before the dispatch at ${dispatchedAt.toISOString()}`;
  }
  return null;
}

/** A failure's reason code; any other text (older clients send free text) becomes `other` with the text kept as the note. */
export function failureReasonOf(reason: string | undefined, note: string | undefined): { reason: FailureReason; note: string | null } {
  if (reason && (DELIVERY_FAILURE_REASONS as readonly string[]).includes(reason)) return { reason: reason as FailureReason, note: note ?? null };
  const text = [reason, note].filter((t): t is string => !!t && t.length > 0).join(' — ');
  return { reason: 'other', note: text || null };
}

/** The relationship code published; free text (kept in inventory) publishes as `other`. */
export function relationshipCodeOf(relationship: string | undefined): Relationship | null {
  if (!relationship) return null;
  const code = relationship.trim().toLowerCase();
  return (RELATIONSHIPS as readonly string[]).includes(code) ? (code as Relationship) : 'other';
}

/** Apply order for a queue sent by a phone: by happenedAt, a dispatch before a decision at the same moment. */
export function applyOrder<T extends { action: DeliveryAction; happenedAt: Date }>(ops: T[]): T[] {
  const rank = (a: DeliveryAction) => (a === 'dispatch' ? 0 : 1);
  return ops.map((op, i) => ({ op, i }))
    .sort((a, b) => a.op.happenedAt.getTime() - b.op.happenedAt.getTime() || rank(a.op.action) - rank(b.op.action) || a.i - b.i)
    .map((x) => x.op);
}
