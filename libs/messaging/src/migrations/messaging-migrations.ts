import { AddOutboxHeaders1764800000000 } from './add-outbox-headers.migration';
import { CreateMessagingTables1764300000000 } from './messaging-tables';

/** The backbone's tables, in order: every service database runs these before its own migrations. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764300000000, AddOutboxHeaders1764800000000];
