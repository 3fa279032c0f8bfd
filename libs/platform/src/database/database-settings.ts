import { Client } from 'pg';

/** The PostgreSQL server (DATABASE_URL) and this service's own database on it. */
export interface DatabaseSettings {
  serverUrl: string;
  database: string;
}

export function databaseSettingsFor(service: string, env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    serverUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    database: env[`${service.toUpperCase()}_DATABASE`] ?? `giftflow_${service}`,
  };
}

/** The URL of one database on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database if it is missing; safe when several processes race to create it. */
export async function ensureDatabase(settings: DatabaseSettings): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(settings.database)) throw new Error(`unsafe database name: ${settings.database}`);
  const client = new Client({ connectionString: settings.serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${settings.database}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04' && e.code !== '23505') throw e; // created meanwhile by another process
    });
  } finally {
    await client.end();
  }
}
