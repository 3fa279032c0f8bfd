import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';
import { Allocation } from './allocations/allocation.entity';
import { CancelAllocationController } from './allocations/cancel-allocation/cancel-allocation.controller';
import { CancelAllocationHandler } from './allocations/cancel-allocation/cancel-allocation.handler';
import { GetAllocationController } from './allocations/get-allocation/get-allocation.controller';
import { ListAllocationsController } from './allocations/list-allocations/list-allocations.controller';
import { ListAllocationsView } from './allocations/list-allocations/list-allocations.view';
import { RequestAllocationController } from './allocations/request-allocation/request-allocation.controller';
import { RequestAllocationHandler } from './allocations/request-allocation/request-allocation.handler';
import { RetryAllocationController } from './allocations/retry-allocation/retry-allocation.controller';
import { RetryAllocationHandler } from './allocations/retry-allocation/retry-allocation.handler';
import { BENEFICIARIES_CONSUMERS, BENEFICIARIES_SUBSCRIPTIONS } from './beneficiaries.subscriptions';
import { DonorsCampaignsClient } from './campaigns/donors-campaigns.client';
import { KnownCampaign } from './campaigns/known-campaign.entity';
import { KnownCampaigns } from './campaigns/known-campaigns';
import { Child } from './children/child.entity';
import { GetChildController } from './children/get-child/get-child.controller';
import { RegisterChildController } from './children/register-child/register-child.controller';
import { RegisterChildHandler } from './children/register-child/register-child.handler';
import { Clock } from './clock/clock';
import { GetInstitutionController } from './institutions/get-institution/get-institution.controller';
import { Institution } from './institutions/institution.entity';
import { RegisterInstitutionController } from './institutions/register-institution/register-institution.controller';
import { RegisterInstitutionHandler } from './institutions/register-institution/register-institution.handler';
import { KnownItem } from './items/known-item.entity';
import { AddCampaignRules1764600000000 } from './migrations/add-campaign-rules.migration';
import { CreateBeneficiariesTables1764500000000 } from './migrations/create-beneficiaries-tables.migration';

const entities = [Child, Institution, Allocation, KnownCampaign, KnownItem];
const migrations = [CreateBeneficiariesTables1764500000000, AddCampaignRules1764600000000];

const controllers = [
  RegisterChildController, GetChildController,
  RegisterInstitutionController, GetInstitutionController,
  RequestAllocationController, ListAllocationsController, GetAllocationController, CancelAllocationController, RetryAllocationController,
];
const handlers = [RegisterChildHandler, RegisterInstitutionHandler, RequestAllocationHandler, CancelAllocationHandler, RetryAllocationHandler];
const views = [ListAllocationsView];
const services = [Clock, KnownCampaigns, DonorsCampaignsClient];

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'beneficiaries',
      entities,
      migrations,
      consumes: ['inventory', 'donors'],
      subscriptions: BENEFICIARIES_SUBSCRIPTIONS,
    }),
  ],
  controllers,
  providers: [...services, ...handlers, ...views, ...BENEFICIARIES_CONSUMERS],
})
export class BeneficiariesModule {}
