import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';
import { Allocation } from './allocations/allocation.entity';
import { GetAllocationController } from './allocations/get-allocation/get-allocation.controller';
import { RequestAllocationController } from './allocations/request-allocation/request-allocation.controller';
import { RequestAllocationHandler } from './allocations/request-allocation/request-allocation.handler';
import { BENEFICIARIES_CONSUMERS, BENEFICIARIES_SUBSCRIPTIONS } from './beneficiaries.subscriptions';
import { Child } from './children/child.entity';
import { GetChildController } from './children/get-child/get-child.controller';
import { RegisterChildController } from './children/register-child/register-child.controller';
import { RegisterChildHandler } from './children/register-child/register-child.handler';
import { GetInstitutionController } from './institutions/get-institution/get-institution.controller';
import { Institution } from './institutions/institution.entity';
import { RegisterInstitutionController } from './institutions/register-institution/register-institution.controller';
import { RegisterInstitutionHandler } from './institutions/register-institution/register-institution.handler';
import { CreateBeneficiariesTables1764500000000 } from './migrations/create-beneficiaries-tables.migration';

const entities = [Child, Institution, Allocation];
const migrations = [CreateBeneficiariesTables1764500000000];

const controllers = [
  RegisterChildController, GetChildController,
  RegisterInstitutionController, GetInstitutionController,
  RequestAllocationController, GetAllocationController,
];
const handlers = [RegisterChildHandler, RegisterInstitutionHandler, RequestAllocationHandler];

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'beneficiaries',
      entities,
      migrations,
      consumes: ['inventory'],
      subscriptions: BENEFICIARIES_SUBSCRIPTIONS,
    }),
  ],
  controllers,
  providers: [...handlers, ...BENEFICIARIES_CONSUMERS],
})
export class BeneficiariesModule {}
