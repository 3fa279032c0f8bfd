import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';

@Module({
  imports: [ServiceCoreModule.forService({ service: 'beneficiaries', entities: [], migrations: [] })],
})
export class BeneficiariesModule {}
