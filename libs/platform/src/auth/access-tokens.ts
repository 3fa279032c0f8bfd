import { randomUUID } from 'node:crypto';
import { JWTPayload, SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { AuthenticatedUser, ROLES } from './roles';
import { SigningKey, TOKEN_ALGORITHMS, TokenKeyMaterial, importSigningKey } from './token-keys';

export const TOKEN_ISSUER = 'giftflow';
export const TOKEN_AUDIENCE = 'giftflow';

/** How long an access token lives: GIFTFLOW_ACCESS_TOKEN_TTL_SECONDS, default one hour. */
export function accessTokenTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.GIFTFLOW_ACCESS_TOKEN_TTL_SECONDS ?? 3600);
  if (!Number.isInteger(value) || value < 30) throw new Error(`GIFTFLOW_ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds ≥ 30, not ${env.GIFTFLOW_ACCESS_TOKEN_TTL_SECONDS}`);
  return value;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(100),
  email: z.string().max(320),
  name: z.string().max(200),
  role: z.enum(ROLES),
  wh: z.array(z.string().max(50)).max(100),
});

/** Verified tokens kept so a busy client is not verified again on every request; bounded, and never past expiry. */
const CACHE_LIMIT = 10_000;

/**
 * Signs (the gateway only: it holds the private key) and verifies (every app) access tokens: JWTs with the
 * user's id as `sub`, their email, name, role and warehouses, the signing key's `kid` in the header.
 */
export class AccessTokens {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;
  private readonly verified = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();

  private constructor(private readonly signingKey: SigningKey | null, material: TokenKeyMaterial, readonly ttlSeconds: number) {
    this.keySet = createLocalJWKSet({ keys: material.verificationKeys });
  }

  static async from(material: TokenKeyMaterial, ttlSeconds = accessTokenTtlSeconds()): Promise<AccessTokens> {
    return new AccessTokens(material.signingKey ? await importSigningKey(material.signingKey) : null, material, ttlSeconds);
  }

  async sign(user: AuthenticatedUser): Promise<{ accessToken: string; expiresIn: number }> {
    if (!this.signingKey) throw new Error('this app has no signing key (GIFTFLOW_TOKEN_SIGNING_KEY)');
    const accessToken = await new SignJWT({ email: user.email, name: user.name, role: user.role, wh: user.warehouseCodes })
      .setProtectedHeader({ alg: this.signingKey.alg, kid: this.signingKey.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.signingKey.key);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /** The user a token speaks for, or null when it is not one of ours, tampered with, expired or malformed. */
  async verify(token: string): Promise<AuthenticatedUser | null> {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.user;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet, {
        issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [...TOKEN_ALGORITHMS], requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      return null;
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const user: AuthenticatedUser = {
      id: claims.data.sub, email: claims.data.email, name: claims.data.name, role: claims.data.role, warehouseCodes: claims.data.wh,
    };
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, { user, expiresAt: payload.exp! * 1000 });
    return user;
  }
}
