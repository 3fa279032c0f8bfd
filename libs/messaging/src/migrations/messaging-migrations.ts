import { AddOutboxHeaders1764800000000 } from './add-outbox-headers.migration';
import { DropOutboxEventIdIndex1765400000000 } from './drop-outbox-event-id-index.migration';
import { KeepConsumerOffsets1765100000000 } from './keep-consumer-offsets.migration';
import { CreateMessagingTables1764300000000 } from './messaging-tables';
import { ParkOutboxRowsAndDeadInbox1764900000000 } from './park-outbox-rows-and-dead-inbox.migration';
import { StoreOutboxEnvelopesAsText1765200000000 } from './store-outbox-envelopes-as-text.migration';

/** Every messaging migration, in order; each service runs these before its own (libs/platform typeOrmOptions does). */
export const MESSAGING_MIGRATIONS = [
  CreateMessagingTables1764300000000, AddOutboxHeaders1764800000000, ParkOutboxRowsAndDeadInbox1764900000000, KeepConsumerOffsets1765100000000,
  StoreOutboxEnvelopesAsText1765200000000, DropOutboxEventIdIndex1765400000000,
];
