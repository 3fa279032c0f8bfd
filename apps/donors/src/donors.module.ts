import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';

@Module({
  imports: [ServiceCoreModule.forService({ service: 'donors', entities: [], migrations: [] })],
})
export class DonorsModule {}
