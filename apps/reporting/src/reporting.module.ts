import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';

@Module({
  imports: [ServiceCoreModule.forService({ service: 'reporting', entities: [], migrations: [] })],
})
export class ReportingModule {}
