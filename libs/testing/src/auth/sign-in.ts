import { AuthenticatedUser, Role } from '@giftflow/platform';

export interface SignedIn {
  accessToken: string;
  expiresIn: number;
  user: AuthenticatedUser;
  /** `Bearer <accessToken>`, for an Authorization header. */
  authorization: string;
}

/** A password the test gateways start with (GIFTFLOW_ADMIN_PASSWORD) for admin@giftflow.local. */
export const TEST_ADMIN_PASSWORD = 'giftflow-test-admin-password';

/** POST /api/auth/login on a gateway, like any client; throws with the answer unless it is 200. */
export async function signIn(gatewayUrl: string, email: string, password: string): Promise<SignedIn> {
  const reply = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  const body = await reply.text();
  if (reply.status !== 200) throw new Error(`log-in of ${email} at ${gatewayUrl}: HTTP ${reply.status} ${body}`);
  const answer = JSON.parse(body) as Omit<SignedIn, 'authorization'>;
  return { ...answer, authorization: `Bearer ${answer.accessToken}` };
}

/**
 * As the admin, creates a user with this role (and warehouses) through POST /api/auth/users, and signs them in.
 * The email is made unique per call.
 */
export async function signInNewUser(
  gatewayUrl: string, admin: SignedIn, role: Role, options: { warehouseCodes?: string[]; name?: string } = {},
): Promise<SignedIn> {
  const email = `${role.replace('_', '-')}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@giftflow.test`;
  const password = `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const reply = await fetch(`${gatewayUrl}/api/auth/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: admin.authorization },
    body: JSON.stringify({ email, name: options.name ?? `Test ${role}`, role, password, ...(options.warehouseCodes ? { warehouseCodes: options.warehouseCodes } : {}) }),
  });
  if (reply.status !== 201) throw new Error(`creating a ${role}: HTTP ${reply.status} ${await reply.text()}`);
  return signIn(gatewayUrl, email, password);
}
