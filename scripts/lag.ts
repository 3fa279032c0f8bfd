// `npm run lag [-- --group G]`: per consumer group and partition, the position (from the service's database for
// EventConsumers, from Kafka otherwise), the end offset and the lag.
import { DataSource } from 'typeorm';
import { consumerLag, createKafka, kafkaSettingsFromEnv } from '@giftflow/messaging';
import { databaseSettingsFor, databaseUrl } from '@giftflow/platform';
import { formatTable } from './ops-table';

/** The services whose databases hold consumer positions. */
const CONSUMING_SERVICES = ['donors', 'inventory', 'beneficiaries', 'reporting'];

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const groups = argv.flatMap((a, i) => (a === '--group' && argv[i + 1] ? [argv[i + 1]] : []));
  const settings = kafkaSettingsFromEnv('giftflow-lag');
  const databases: DataSource[] = [];
  try {
    for (const service of CONSUMING_SERVICES) {
      const db = databaseSettingsFor(service);
      const opened = await new DataSource({ type: 'postgres', url: databaseUrl(db.serverUrl, db.database) }).initialize()
        .catch((error: Error) => void console.error(`lag: ${db.database} does not answer (${error.message}); ${service}'s positions are read from Kafka`));
      if (opened) databases.push(opened);
    }
    const rows = await consumerLag(createKafka(settings), { topicPrefix: settings.topicPrefix, groups: groups.length ? groups : undefined, databases });
    console.log(formatTable(rows as unknown as Record<string, unknown>[], ['group', 'topic', 'partition', 'committed', 'stored', 'end', 'lag']));
    const total = rows.reduce((sum, r) => sum + BigInt(r.lag), 0n);
    console.log(`${rows.length} partition(s), total lag ${total}`);
    return 0;
  } catch (error) {
    console.error(`lag: ${(error as Error).message}`);
    return 1;
  } finally {
    for (const db of databases) await db.destroy().catch(() => undefined);
  }
}

void main().then((code) => process.exit(code));
