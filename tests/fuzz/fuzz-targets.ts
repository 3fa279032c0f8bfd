import { Type } from '@nestjs/common';
import { BeneficiariesModule } from '../../apps/beneficiaries/src/beneficiaries.module';
import { DonorsModule } from '../../apps/donors/src/donors.module';
import { InventoryModule } from '../../apps/inventory/src/inventory.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';

export type FuzzedService = 'donors' | 'inventory' | 'beneficiaries' | 'reporting';

/** The four services the fuzzer aims at, each with the Nest module its routes are discovered from. */
export const FUZZED_SERVICES: readonly { service: FuzzedService; module: Type<unknown>; port: number }[] = [
  { service: 'donors', module: DonorsModule, port: 3001 },
  { service: 'inventory', module: InventoryModule, port: 3002 },
  { service: 'beneficiaries', module: BeneficiariesModule, port: 3003 },
  { service: 'reporting', module: ReportingModule, port: 3004 },
];
