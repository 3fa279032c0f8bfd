import { DataSourceOptions, MixedList } from 'typeorm';
import { MESSAGING_MIGRATIONS, postgresSessionSettings } from '@giftflow/messaging';
import { DatabaseSettings, databaseUrl } from './database-settings';

type Classes = MixedList<Function>; // eslint-disable-line @typescript-eslint/ban-types

/**
 * Options for a service's DataSource: its own database, its entities, and its migrations (the
 * messaging migrations first, unless the app publishes nothing: the gateway), run at start-up. Never `synchronize`.
 */
export function typeOrmOptions(
  settings: DatabaseSettings, entities: Classes, migrations: Function[], // eslint-disable-line @typescript-eslint/ban-types
  options: { messaging?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(settings.serverUrl, settings.database),
    entities,
    migrations: [...(options.messaging ?? true ? MESSAGING_MIGRATIONS : []), ...migrations],
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Timeouts and TCP keepalives on every connection: no zombie holds the relay's lock (docs/backbone.md).
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), ...postgresSessionSettings() },
  };
}
