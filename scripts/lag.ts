// `npm run lag [-- --group G]`: per consumer group and partition, the committed offset, the end offset and the lag.
import { consumerLag, createKafka, kafkaSettingsFromEnv } from '@giftflow/messaging';
import { formatTable } from './ops-table';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const groups = argv.flatMap((a, i) => (a === '--group' && argv[i + 1] ? [argv[i + 1]] : []));
  const settings = kafkaSettingsFromEnv('giftflow-lag');
  try {
    const rows = await consumerLag(createKafka(settings), { topicPrefix: settings.topicPrefix, groups: groups.length ? groups : undefined });
    console.log(formatTable(rows as unknown as Record<string, unknown>[], ['group', 'topic', 'partition', 'committed', 'end', 'lag']));
    const total = rows.reduce((sum, r) => sum + BigInt(r.lag), 0n);
    console.log(`${rows.length} partition(s), total lag ${total}`);
    return 0;
  } catch (error) {
    console.error(`lag: ${(error as Error).message}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
