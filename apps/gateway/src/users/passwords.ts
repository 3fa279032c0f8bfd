import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * OWASP's argon2id settings (19 MiB, 2 passes, 1 lane): about 20 ms a hash on a small server. `Algorithm` is a
 * const enum, which isolatedModules cannot inline: its value is written out.
 */
const ARGON2ID = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

/** A hash of nothing anyone knows, verified against when the account does not exist, so both take as long. */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash (unknown account), false after the same work. */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  try {
    const matches = await verify(passwordHash ?? (await decoy), password);
    return matches && passwordHash !== null;
  } catch {
    return false; // a malformed stored hash is a failed log-in, not a 500
  }
}
