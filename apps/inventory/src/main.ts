import 'reflect-metadata';
import { bootstrapService, databaseSettingsFor } from '@giftflow/platform';
import { InventoryModule } from './inventory.module';

void bootstrapService('inventory', InventoryModule, { defaultPort: 3002, database: databaseSettingsFor('inventory') });
