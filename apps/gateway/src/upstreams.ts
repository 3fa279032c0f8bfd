/** The services the gateway forwards `/api/<service>/…` to. */
export const UPSTREAM_NAMES = ['donors', 'inventory', 'beneficiaries', 'reporting'] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

const DEFAULT_PORTS: Record<UpstreamName, number> = { donors: 3001, inventory: 3002, beneficiaries: 3003, reporting: 3004 };

export function upstreamUrl(name: UpstreamName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}`;
}
