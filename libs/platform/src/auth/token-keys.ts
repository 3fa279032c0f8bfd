import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JWK, KeyLike, exportJWK, generateKeyPair, importJWK } from 'jose';
import { giftflowConfigDir } from './config-dir';

/** The algorithms a token may be signed with; anything else (none, HS*) is refused whatever the key set says. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256', 'PS256'] as const;

/** Keys as configured: the private key the gateway signs with (optional elsewhere) and the public keys every app accepts. */
export interface TokenKeyMaterial {
  signingKey: JWK | null;
  verificationKeys: JWK[];
}

export interface SigningKey {
  kid: string;
  alg: string;
  key: KeyLike | Uint8Array;
}

export const DEV_KEYS_FILE = 'dev-token-keys.json';

const parseJson = <T>(name: string, text: string): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
};

function checkKey(name: string, jwk: JWK, isPrivate: boolean): JWK {
  if (!jwk.kid) throw new Error(`${name}: every key needs a "kid" (key id), so tokens name the key that signed them`);
  if (!jwk.alg || !(TOKEN_ALGORITHMS as readonly string[]).includes(jwk.alg)) throw new Error(`${name}: key ${jwk.kid} needs "alg", one of ${TOKEN_ALGORITHMS.join(', ')}`);
  if (isPrivate && !jwk.d) throw new Error(`${name}: key ${jwk.kid} is not a private key`);
  if (!isPrivate && jwk.d) throw new Error(`${name}: key ${jwk.kid} is a private key; list only public keys here`);
  return jwk;
}

/** The public half of a private JWK. */
export function publicJwkOf(jwk: JWK): JWK {
  const { d, p, q, dp, dq, qi, ...rest } = jwk; // eslint-disable-line @typescript-eslint/no-unused-vars
  return rest;
}

/** A new Ed25519 key pair as JWKs, with a fresh key id. */
export async function generateTokenKeyPair(kid = `giftflow-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { privateJwk, publicJwk: publicJwkOf(privateJwk) };
}

/**
 * For local runs and tests only: a key pair kept in `<config dir>/dev-token-keys.json` (mode 0600, outside git),
 * generated the first time any app needs it. Several apps starting at once agree on one file: each writes its
 * own candidate aside and links it into place, and whoever loses reads the winner's.
 */
async function developmentKeys(env: NodeJS.ProcessEnv): Promise<TokenKeyMaterial> {
  const dir = giftflowConfigDir(env);
  const file = path.join(dir, DEV_KEYS_FILE);
  const read = (): TokenKeyMaterial => {
    const stored = parseJson<{ signingKey: JWK }>(file, readFileSync(file, 'utf8'));
    return { signingKey: checkKey(file, stored.signingKey, true), verificationKeys: [publicJwkOf(stored.signingKey)] };
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateJwk } = await generateTokenKeyPair('giftflow-dev');
  const candidate = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(candidate, JSON.stringify({ signingKey: privateJwk }, null, 2) + '\n', { mode: 0o600 });
  try {
    linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(candidate);
  }
  return read();
}

/**
 * The token keys from configuration (docs/security.md, "Keys and rotation"):
 * - GIFTFLOW_TOKEN_SIGNING_KEY: the private JWK the gateway signs with (its `kid` goes in every token's header);
 * - GIFTFLOW_TOKEN_VERIFICATION_KEYS: a JWK set `{"keys": [...]}` of public keys every app accepts, so a new key
 *   is added here everywhere before the gateway signs with it, and the old one removed once its tokens expired.
 *   Without it, the public half of the signing key.
 * With neither set (a developer's machine, the tests), a development key pair outside git (see developmentKeys).
 */
export async function loadTokenKeys(env: NodeJS.ProcessEnv = process.env): Promise<TokenKeyMaterial> {
  const signing = env.GIFTFLOW_TOKEN_SIGNING_KEY?.trim();
  const verification = env.GIFTFLOW_TOKEN_VERIFICATION_KEYS?.trim();
  if (!signing && !verification) return developmentKeys(env);
  const signingKey = signing ? checkKey('GIFTFLOW_TOKEN_SIGNING_KEY', parseJson<JWK>('GIFTFLOW_TOKEN_SIGNING_KEY', signing), true) : null;
  const verificationKeys = verification
    ? (parseJson<{ keys?: JWK[] }>('GIFTFLOW_TOKEN_VERIFICATION_KEYS', verification).keys ?? []).map((k) => checkKey('GIFTFLOW_TOKEN_VERIFICATION_KEYS', k, false))
    : [publicJwkOf(signingKey!)];
  if (verificationKeys.length === 0) throw new Error('GIFTFLOW_TOKEN_VERIFICATION_KEYS lists no key');
  return { signingKey, verificationKeys };
}

export async function importSigningKey(jwk: JWK): Promise<SigningKey> {
  return { kid: jwk.kid!, alg: jwk.alg!, key: await importJWK(jwk, jwk.alg) };
}
