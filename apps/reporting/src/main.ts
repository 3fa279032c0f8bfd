import 'reflect-metadata';
import { bootstrapService, databaseSettingsFor } from '@giftflow/platform';
import { ReportingModule } from './reporting.module';

void bootstrapService('reporting', ReportingModule, { defaultPort: 3004, database: databaseSettingsFor('reporting') });
