// docker-compose.yml cannot be run here (no Docker engine), so this keeps it honest against the one list of apps
// in scripts/apps.ts: an app added there without a compose service, or with the wrong port or wiring, fails.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { APPS, ROOT, serviceUrlVariable } from '../../scripts/apps';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | { target: number; published: number | string })[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; interval?: string; timeout?: string; retries?: number; start_period?: string };
}

// merge: docker compose honours `<<: *anchor`, which YAML 1.2 parsers only do when asked.
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const INFRASTRUCTURE = ['kafka', 'postgres'];

/** Compose accepts environment as a map or as KEY=value lines; compare both the same way. */
function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

function publishedPorts(service: ComposeService): string[] {
  return (service.ports ?? []).map((p) => (typeof p === 'string' ? p : `${p.published}:${p.target}`));
}

function healthyDependencies(service: ComposeService): string[] {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return [];
  return Object.entries(deps).filter(([, d]) => d.condition === 'service_healthy').map(([name]) => name);
}

describe('docker-compose.yml', () => {
  it('has exactly the apps of scripts/apps.ts, plus Kafka and PostgreSQL', () => {
    expect(Object.keys(services).sort()).toEqual([...APPS.map((a) => a.name), ...INFRASTRUCTURE].sort());
  });

  it('runs Kafka as one KRaft node the apps reach at kafka:9092, topics created only by the apps', () => {
    const kafka = services.kafka!;
    const env = envOf(kafka);
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_ADVERTISED_LISTENERS).toContain('PLAINTEXT://kafka:9092');
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(kafka.healthcheck?.test).toBeDefined();
  });

  it('runs PostgreSQL 15 with a health check', () => {
    expect(services.postgres!.image).toMatch(/^postgres:15/);
    expect(services.postgres!.healthcheck?.test).toBeDefined();
  });

  describe.each(APPS.map((a) => [a.name, a] as const))('%s', (name, app) => {
    const service = services[name] ?? {};
    const env = envOf(service);

    it('is built from the one Dockerfile and selects itself with APP', () => {
      expect(service.build).toBe('.');
      expect(env.APP).toBe(name);
    });

    it(`listens on ${app.port} and publishes it`, () => {
      expect(env.PORT).toBe(String(app.port));
      expect(publishedPorts(service)).toContain(`${app.port}:${app.port}`);
    });

    it('reaches PostgreSQL and Kafka by their service names', () => {
      expect(new URL(env.DATABASE_URL ?? 'missing:').hostname).toBe('postgres');
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    });

    it('starts once Kafka and PostgreSQL are healthy, and has a health check of its own', () => {
      expect(healthyDependencies(service)).toEqual(expect.arrayContaining(INFRASTRUCTURE));
    });

    it('is healthy when GET /health on its own PORT answers 2xx, as the Kubernetes readiness probe asks (deploy/k8s)', () => {
      const check = service.healthcheck ?? {};
      // The exec form, so no shell is needed in the image; node:20-slim has no curl, so Node's fetch asks.
      expect(Array.isArray(check.test) && check.test[0]).toBe('CMD');
      const command = (check.test as string[]).slice(1).join(' ');
      expect(command).toMatch(/^node -e /);
      expect(command).toContain("'http://127.0.0.1:' + process.env.PORT + '/health'");
      expect(command).toContain('r.ok');
      expect(check.interval).toMatch(/^\d+s$/);
      expect(check.timeout).toMatch(/^\d+s$/);
      expect(check.retries).toBeGreaterThan(0);
      // Migrations run at boot: failures during start_period do not count.
      expect(check.start_period).toMatch(/^\d+s$/);
    });
  });

  it('points the gateway at every other service by name and port, and starts it after them', () => {
    const gateway = services.gateway!;
    const env = envOf(gateway);
    for (const app of APPS.filter((a) => a.name !== 'gateway')) {
      expect(env[serviceUrlVariable(app.name)]).toBe(`http://${app.name}:${app.port}`);
      expect(healthyDependencies(gateway)).toContain(app.name);
    }
  });

  it("points inventory's read-only pledge lookup at the donors service", () => {
    expect(envOf(services.inventory!).DONORS_URL).toBe(`http://donors:${APPS.find((a) => a.name === 'donors')!.port}`);
  });

  it("the apps' health check command passes on a 200 from /health and fails on a 503 or no answer", async () => {
    const [, node, flag, script] = services.donors!.healthcheck!.test as string[];
    expect([node, flag]).toEqual(['node', '-e']);
    let status = 200;
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    // Asynchronously: this process's event loop serves the check's request.
    const run = (p: number) =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, ['-e', script!], { env: { ...process.env, PORT: String(p) }, stdio: 'ignore' }).on('exit', resolve);
      });
    try {
      expect(await run(port)).toBe(0);
      status = 503;
      expect(await run(port)).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await run(port)).toBe(1); // nothing listening
    expect(paths).toEqual(['/health', '/health']);
  }, 60_000); // three node processes on a busy machine
});
