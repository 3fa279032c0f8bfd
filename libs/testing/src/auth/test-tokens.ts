import { AccessTokens, AuthenticatedUser, loadTokenKeys } from '@giftflow/platform';

/** The user a service-level test acts as unless it says otherwise: an admin, so every route is open to it. */
export const TEST_ADMIN: AuthenticatedUser = {
  id: '00000000-0000-4000-8000-00000000ad01', email: 'admin@giftflow.test', name: 'Test admin', role: 'admin', warehouseCodes: [],
};

let tokens: Promise<AccessTokens> | undefined;

/**
 * `Bearer <token>` for a user, signed the way the gateway signs at log-in (AccessTokens with the configured keys;
 * in tests, the development key pair outside git), so a service started on its own verifies it like a real one.
 * Give any part of the user; the rest is the test admin's (a volunteer: give role and warehouseCodes).
 */
export async function testBearer(user: Partial<AuthenticatedUser> = {}): Promise<string> {
  tokens ??= loadTokenKeys().then((keys) => AccessTokens.from(keys));
  const { accessToken } = await (await tokens).sign({ ...TEST_ADMIN, ...user });
  return `Bearer ${accessToken}`;
}
