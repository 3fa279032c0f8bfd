// Signing in to a running giftflow as its admin, for the seed, the demo and the benchmarks. Node built-ins only:
// `npm run seed` runs the compiled seed without the @giftflow/* path aliases.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const ADMIN_EMAIL = 'admin@giftflow.local';

/** The file the gateway writes a generated admin password to (see apps/gateway's EnsureAdminAccount). */
export const adminPasswordFile = (env: NodeJS.ProcessEnv = process.env): string =>
  path.join(env.GIFTFLOW_CONFIG_DIR ?? path.join(homedir(), '.config', 'giftflow'), 'admin-password');

/** GIFTFLOW_ADMIN_PASSWORD, else the password the gateway generated at its first start. */
export function adminPassword(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GIFTFLOW_ADMIN_PASSWORD) return env.GIFTFLOW_ADMIN_PASSWORD;
  const file = adminPasswordFile(env);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`no admin password: set GIFTFLOW_ADMIN_PASSWORD, or start the gateway once so it writes ${file}`);
  }
}

/** POST /api/auth/login as admin@giftflow.local; the `Authorization` header value for what follows. */
export async function signInAsAdmin(gatewayUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const reply = await fetch(`${gatewayUrl.replace(/\/$/, '')}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: adminPassword(env) }),
  });
  if (reply.status !== 200) throw new Error(`signing in as ${ADMIN_EMAIL} at ${gatewayUrl}: HTTP ${reply.status} ${await reply.text()}`);
  return `Bearer ${((await reply.json()) as { accessToken: string }).accessToken}`;
}
