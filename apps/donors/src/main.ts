import 'reflect-metadata';
import { bootstrapService, databaseSettingsFor } from '@giftflow/platform';
import { DonorsModule } from './donors.module';

void bootstrapService('donors', DonorsModule, { defaultPort: 3001, database: databaseSettingsFor('donors') });
