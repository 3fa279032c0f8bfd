import { createHash } from 'node:crypto';

/**
 * A request in canonical form (object keys sorted, absent and null fields dropped), hashed: a retry that
 * sends the same values in another key order or with `"campaignId": null` spelled out is the same request.
 */
export function requestHashOf(request: unknown): string {
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
  return createHash('sha256').update(JSON.stringify(canonical(request) ?? null)).digest('hex');
}
