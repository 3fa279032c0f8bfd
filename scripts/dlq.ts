// `npm run dlq -- list [--topic T] [--consumer C]`, `show <event-id>`, `replay <event-id>|--all [--consumer C]`.
// Reads the <topic>.dlq topics, and each letter's state from the inbox of the consumer that wrote it; `replay`
// sends letters back to their topic for that consumer only, after a fix. See docs/backbone.md, "Operating it".
import { DataSource } from 'typeorm';
import { DeadLetters, createKafka, kafkaSettingsFromEnv } from '@giftflow/messaging';
import { databaseSettingsFor, databaseUrl } from '@giftflow/platform';
import { formatTable } from './ops-table';

const USAGE = 'usage: npm run dlq -- list [--topic T] [--consumer C] | show <event-id> | replay <event-id>|--all [--consumer C]';

export interface DlqArgs {
  command: 'list' | 'show' | 'replay';
  eventId?: string;
  all: boolean;
  topic?: string;
  consumer?: string;
}

export function parseDlqArgs(argv: string[]): DlqArgs {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'show' && command !== 'replay') throw new Error(USAGE);
  const args: DlqArgs = { command, all: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--topic' || arg === '--consumer') {
      const value = rest[(i += 1)];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      args[arg === '--topic' ? 'topic' : 'consumer'] = value;
    } else if (arg === '--all') args.all = true;
    else if (!arg.startsWith('--') && !args.eventId) args.eventId = arg;
    else throw new Error(`unexpected ${arg}\n${USAGE}`);
  }
  if (args.command === 'show' && !args.eventId) throw new Error(`show needs an event id\n${USAGE}`);
  if (args.command === 'replay' && !args.eventId === !args.all) throw new Error(`replay needs an event id or --all\n${USAGE}`);
  return args;
}

/** Runs one command; `out` receives what to print. */
export async function runDlq(letters: DeadLetters, args: DlqArgs, out: (line: string) => void): Promise<void> {
  const filter = { topic: args.topic, consumer: args.consumer };
  if (args.command === 'list') {
    const rows = await letters.list(filter);
    out(formatTable(rows as unknown as Record<string, unknown>[], ['status', 'consumer', 'topic', 'partition', 'offset', 'eventId', 'type', 'attempts', 'failedAt', 'error']));
    out(`${rows.length} letter(s)`);
  } else if (args.command === 'show') {
    const found = await letters.show(args.eventId!);
    if (found.length === 0) throw new Error(`no letter for event ${args.eventId}`);
    for (const letter of found) out(JSON.stringify(letter, null, 2));
  } else {
    const sent = await letters.replay(args.all ? { ...filter, all: true } : { ...filter, eventId: args.eventId! });
    for (const v of sent) out(`replayed ${v.eventId} (${v.type}) to ${v.topic} for ${v.consumer}`);
    out(`${sent.length} letter(s) replayed`);
  }
}

/** A consumer's inbox is in the database of the service it runs in: `reporting.g3` → reporting's. */
export function databasesFromEnv(): { databaseFor(consumer: string): Promise<DataSource>; close(): Promise<void> } {
  const open = new Map<string, Promise<DataSource>>();
  return {
    databaseFor(consumer) {
      const service = consumer.split('.')[0];
      if (!open.has(service)) {
        const settings = databaseSettingsFor(service);
        open.set(service, new DataSource({ type: 'postgres', url: databaseUrl(settings.serverUrl, settings.database) }).initialize());
      }
      return open.get(service)!;
    },
    async close() {
      for (const db of open.values()) await (await db).destroy();
    },
  };
}

async function main(): Promise<number> {
  let args: DlqArgs;
  try {
    args = parseDlqArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const settings = kafkaSettingsFromEnv('giftflow-dlq');
  const databases = databasesFromEnv();
  try {
    await runDlq(new DeadLetters({ kafka: createKafka(settings), topicPrefix: settings.topicPrefix, databaseFor: databases.databaseFor }), args, (l) => console.log(l));
    return 0;
  } catch (error) {
    console.error(`dlq: ${(error as Error).message}`);
    return 1;
  } finally {
    await databases.close();
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
