import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';

@Module({
  imports: [ServiceCoreModule.forService({ service: 'inventory', entities: [], migrations: [] })],
})
export class InventoryModule {}
