// What the browser test does besides the browser: sets the scene and checks the outcome through the gateway's
// API, signed in like any client (POST /api/auth/login, then the bearer token).

export interface Account { email: string; password: string; id: string; role: string }

export class GatewayClient {
  private constructor(readonly base: string, private readonly authorization: string, readonly user: { id: string; email: string }) {}

  static async signIn(base: string, email: string, password: string): Promise<GatewayClient> {
    const reply = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const text = await reply.text();
    if (reply.status !== 200) throw new Error(`log-in of ${email}: HTTP ${reply.status} ${text}`);
    const body = JSON.parse(text) as { accessToken: string; user: { id: string; email: string } };
    return new GatewayClient(base, `Bearer ${body.accessToken}`, body.user);
  }

  /** Any method; answers status and parsed body without judging. */
  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const reply = await fetch(`${this.base}/api${path}`, {
      method,
      headers: { authorization: this.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: reply.status, body: parsed as T };
  }

  /** The call must answer `status`; throws naming the request and the answer otherwise. */
  async expect<T = any>(status: number, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const reply = await this.call<T>(method, path, body, headers);
    if (reply.status !== status) throw new Error(`${method} ${path} answered ${reply.status}, not ${status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  get = <T = any>(path: string) => this.expect<T>(200, 'GET', path);

  /** As an admin: a user with this role (and warehouses), with a password the test knows. */
  async createUser(role: string, name: string, warehouseCodes?: string[]): Promise<Account> {
    const email = `${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 8)}@giftflow.test`;
    const password = `pw-${Math.random().toString(36).slice(2)}-long`;
    const user = await this.expect<{ id: string }>(201, 'POST', '/auth/users', { email, name, role, password, ...(warehouseCodes ? { warehouseCodes } : {}) });
    return { email, password, id: user.id, role };
  }
}
