/**
 * What PostgreSQL cannot store, or should never be asked to, found anywhere in a request's input: NUL
 * characters (text columns refuse U+0000), lone UTF-16 surrogates (not encodable as UTF-8), over-long strings
 * and absurdly deep nesting. Pure, so the guard that applies it to every request has a fast test beside it.
 */
export interface InputLimits {
  /** Longest string (in UTF-16 code units) accepted at this place of the request. */
  maxStringLength: number;
  /** Deepest nesting of arrays/objects accepted (a body); params and query are flat. */
  maxDepth: number;
}

export const INPUT_LIMITS = {
  /** Path ids and codes. */
  param: { maxStringLength: 200, maxDepth: 2 },
  /** Query values (filters, months, codes). */
  query: { maxStringLength: 1_000, maxDepth: 4 },
  /** Any string in a JSON body; DTOs set tighter limits per field. */
  body: { maxStringLength: 10_000, maxDepth: 16 },
  /** The request headers the services read as data (Idempotency-Key, X-Correlation-Id). */
  header: { maxStringLength: 200, maxDepth: 1 },
} as const satisfies Record<string, InputLimits>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this string cannot be taken, or null. `name` is how the message names it (e.g. `lines.0.unit`). */
export function unsafeString(value: string, name: string, limits: InputLimits): string | null {
  if (value.includes('\u0000')) return `${name} must not contain a NUL character`;
  if (LONE_SURROGATE.test(value)) return `${name} must be valid Unicode text (it contains a lone surrogate)`;
  if (value.length > limits.maxStringLength) return `${name} must be at most ${limits.maxStringLength} characters`;
  return null;
}

/**
 * Every problem in `value` (keys included), one message per bad place, named by path as the validation pipe
 * names nested fields: `lines.0.name must not contain a NUL character`. Stops descending at maxDepth.
 */
export function findUnsafeInput(value: unknown, limits: InputLimits, path = ''): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, at: string, depth: number): void => {
    if (typeof v === 'string') {
      const problem = unsafeString(v, at || 'value', limits);
      if (problem) problems.push(problem);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth >= limits.maxDepth) {
      problems.push(`${at || 'body'} is nested too deeply (at most ${limits.maxDepth} levels)`);
      return;
    }
    const entries = Array.isArray(v) ? v.map((e, i) => [String(i), e] as const) : Object.entries(v);
    for (const [key, child] of entries) {
      const keyProblem = Array.isArray(v) ? null : unsafeString(key, `${at ? `${at}.` : ''}a field name`, limits);
      if (keyProblem) {
        problems.push(keyProblem);
        continue;
      }
      visit(child, at ? `${at}.${key}` : key, depth + 1);
    }
  };
  visit(value, path, 0);
  return problems;
}
