import 'reflect-metadata';
import { bootstrapService, databaseSettingsFor } from '@giftflow/platform';
import { BeneficiariesModule } from './beneficiaries.module';

void bootstrapService('beneficiaries', BeneficiariesModule, { defaultPort: 3003, database: databaseSettingsFor('beneficiaries') });
