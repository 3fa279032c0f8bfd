/**
 * How long a test waits for something asynchronous (a consumer, the relay, a projection) by default: generous, as a
 * loaded 2-core CI machine is slow, where a quiet one takes a second. A wait that cannot succeed fails sooner (GiveUp).
 */
export const PATIENT_WAIT_MS = 60_000;

/** Thrown by a waitFor probe when waiting longer cannot help (a dead-lettered event, a parked row): waitFor fails at once. */
export class GiveUp extends Error {}

/**
 * Polls `probe` until it returns a truthy value, or fails with `what` (and the probe's last error) after `timeoutMs`.
 * A probe's error is taken as "not yet" and retried, unless it is a GiveUp or SQL that PostgreSQL can never run
 * (a syntax error, an unknown column): those fail at once.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = PATIENT_WAIT_MS, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      if (error instanceof GiveUp || isMistake(error)) throw new Error(`gave up waiting for ${what}: ${(error as Error).message}`, { cause: error });
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** SQL no retry can cure: class 42 (syntax error or access rule violation), but for a table still being migrated (42P01). */
function isMistake(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('42') && code !== '42P01';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
