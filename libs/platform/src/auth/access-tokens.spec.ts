import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { AccessTokens } from './access-tokens';
import { AuthenticatedUser } from './roles';
import { DEV_KEYS_FILE, generateTokenKeyPair, loadTokenKeys } from './token-keys';

const lan: AuthenticatedUser = { id: 'u-lan', email: 'lan@giftflow.local', name: 'Nguyen Thi Lan', role: 'fund_staff', warehouseCodes: [] };
const jwks = (...keys: object[]) => JSON.stringify({ keys });

describe('access tokens', () => {
  it('a token signed with the configured key verifies to the user; tampered, unknown-key or expired ones do not', async () => {
    const { privateJwk, publicJwk } = await generateTokenKeyPair('k-1');
    const tokens = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify(privateJwk) }), 60);
    const { accessToken, expiresIn } = await tokens.sign(lan);
    expect(expiresIn).toBe(60);
    expect(await tokens.verify(accessToken)).toEqual(lan);

    const [h, p, s] = accessToken.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await tokens.verify(`${h}.${promoted}.${s}`)).toBeNull();

    const stranger = await generateTokenKeyPair('k-1'); // same kid, another key: the signature does not hold
    const theirs = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify(stranger.privateJwk) }), 60);
    expect(await tokens.verify((await theirs.sign({ ...lan, role: 'admin' })).accessToken)).toBeNull();

    const verifier = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_VERIFICATION_KEYS: jwks(publicJwk) }));
    expect(await verifier.verify(accessToken)).toEqual(lan);
    await expect(verifier.sign(lan)).rejects.toThrow('no signing key');
    const unsigned = `${Buffer.from('{"alg":"none","kid":"k-1"}').toString('base64url')}.${p}.`;
    expect(await verifier.verify(unsigned)).toBeNull();
  });

  it('rotates without downtime: while both public keys are accepted, tokens of the old and the new key verify', async () => {
    const old = await generateTokenKeyPair('2026-01');
    const next = await generateTokenKeyPair('2026-07');
    const signedWithOld = (await (await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify(old.privateJwk) }))).sign(lan)).accessToken;
    const signedWithNew = (await (await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify(next.privateJwk) }))).sign(lan)).accessToken;
    const during = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_VERIFICATION_KEYS: jwks(old.publicJwk, next.publicJwk) }));
    expect(await during.verify(signedWithOld)).toEqual(lan);
    expect(await during.verify(signedWithNew)).toEqual(lan);
    const after = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_VERIFICATION_KEYS: jwks(next.publicJwk) }));
    expect(await after.verify(signedWithOld)).toBeNull();
    expect(await after.verify(signedWithNew)).toEqual(lan);
  });

  it('refuses an expired token', async () => {
    const { privateJwk } = await generateTokenKeyPair('k-exp');
    const tokens = await AccessTokens.from(await loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify(privateJwk) }));
    const { importJWK } = await import('jose');
    const expired = await new SignJWT({ email: lan.email, name: lan.name, role: lan.role, wh: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k-exp' }).setSubject(lan.id).setIssuer('giftflow').setAudience('giftflow')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120).setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(await importJWK(privateJwk, 'EdDSA'));
    expect(await tokens.verify(expired)).toBeNull();
  });

  it('refuses keys without kid or alg, and a private key among the verification keys', async () => {
    const { privateJwk, publicJwk } = await generateTokenKeyPair('k-2');
    await expect(loadTokenKeys({ GIFTFLOW_TOKEN_SIGNING_KEY: JSON.stringify({ ...privateJwk, kid: undefined }) })).rejects.toThrow('needs a "kid"');
    await expect(loadTokenKeys({ GIFTFLOW_TOKEN_VERIFICATION_KEYS: jwks({ ...publicJwk, alg: 'HS256' }) })).rejects.toThrow('needs "alg"');
    await expect(loadTokenKeys({ GIFTFLOW_TOKEN_VERIFICATION_KEYS: jwks(privateJwk) })).rejects.toThrow('is a private key');
  });

  it('without configured keys, makes one development key pair (0600) in the config folder, which every app then shares', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'giftflow-keys-'));
    try {
      const [a, b] = await Promise.all([loadTokenKeys({ GIFTFLOW_CONFIG_DIR: dir }), loadTokenKeys({ GIFTFLOW_CONFIG_DIR: dir })]);
      expect(a).toEqual(b);
      const file = path.join(dir, DEV_KEYS_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8')).signingKey.kid).toBe('giftflow-dev');
      const gateway = await AccessTokens.from(a);
      const service = await AccessTokens.from({ ...(await loadTokenKeys({ GIFTFLOW_CONFIG_DIR: dir })), signingKey: null });
      expect(await service.verify((await gateway.sign(lan)).accessToken)).toEqual(lan);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
