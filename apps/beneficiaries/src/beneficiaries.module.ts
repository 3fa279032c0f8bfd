import { Module } from '@nestjs/common';
import { CreateHttpIdempotencyTable1764900000000, ServiceCoreModule } from '@giftflow/platform';
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
import { AddSponsorships1764600100000 } from './migrations/add-sponsorships.migration';
import { KnownDonor } from './donors/known-donor.entity';
import { KnownDonors } from './donors/known-donors';
import { CancelSponsorshipController } from './sponsorships/cancel-sponsorship/cancel-sponsorship.controller';
import { CancelSponsorshipHandler } from './sponsorships/cancel-sponsorship/cancel-sponsorship.handler';
import { EndSponsorshipsHandler } from './sponsorships/end-sponsorships/end-sponsorships.handler';
import { EndSponsorshipsJob } from './sponsorships/end-sponsorships/end-sponsorships.job';
import { EnrolSponsorshipController } from './sponsorships/enrol-sponsorship/enrol-sponsorship.controller';
import { EnrolSponsorshipHandler } from './sponsorships/enrol-sponsorship/enrol-sponsorship.handler';
import { GetSponsorshipController } from './sponsorships/get-sponsorship/get-sponsorship.controller';
import { ListSponsorshipsController } from './sponsorships/list-sponsorships/list-sponsorships.controller';
import { ListSponsorshipsView } from './sponsorships/list-sponsorships/list-sponsorships.view';
import { PayInstalmentController } from './sponsorships/pay-instalment/pay-instalment.controller';
import { PayInstalmentHandler } from './sponsorships/pay-instalment/pay-instalment.handler';
import { Sponsorship, SponsorshipInstalment } from './sponsorships/sponsorship.entity';
import { AddRegistrySearchAndMerges1764600200000 } from './migrations/add-registry-search-and-merges.migration';
import { ListChildrenController } from './children/list-children/list-children.controller';
import { ListChildrenView } from './children/list-children/list-children.view';
import { MergeChildrenController } from './children/merge-children/merge-children.controller';
import { MergeChildrenHandler } from './children/merge-children/merge-children.handler';
import { UpdateChildController } from './children/update-child/update-child.controller';
import { UpdateChildHandler } from './children/update-child/update-child.handler';
import { ListInstitutionsController } from './institutions/list-institutions/list-institutions.controller';
import { AddChildRecordReads1765000000100 } from './migrations/add-child-record-reads.migration';
import { AddAllocationPlans1764600300000 } from './migrations/add-allocation-plans.migration';
import { AllocationPlan, AllocationPlanEntry } from './plans/allocation-plan.entity';
import { CommitPlanController } from './plans/commit-plan/commit-plan.controller';
import { CommitPlanHandler } from './plans/commit-plan/commit-plan.handler';
import { GetPlanController } from './plans/get-plan/get-plan.controller';
import { InventoryStockClient } from './plans/inventory-stock.client';
import { PreviewPlanController } from './plans/preview-plan/preview-plan.controller';
import { PreviewPlanHandler } from './plans/preview-plan/preview-plan.handler';
import { PrintRosterController } from './plans/print-roster/print-roster.controller';
import { PrintRosterView } from './plans/print-roster/print-roster.view';

const entities = [Child, Institution, Allocation, KnownCampaign, KnownItem, KnownDonor, Sponsorship, SponsorshipInstalment, AllocationPlan, AllocationPlanEntry];
const migrations = [CreateBeneficiariesTables1764500000000, AddCampaignRules1764600000000, AddSponsorships1764600100000, AddRegistrySearchAndMerges1764600200000, AddAllocationPlans1764600300000, CreateHttpIdempotencyTable1764900000000, AddChildRecordReads1765000000100];

const controllers = [
  RegisterChildController, ListChildrenController, GetChildController, UpdateChildController, MergeChildrenController,
  RegisterInstitutionController, ListInstitutionsController, GetInstitutionController,
  RequestAllocationController, ListAllocationsController, GetAllocationController, CancelAllocationController, RetryAllocationController,
  PreviewPlanController, GetPlanController, CommitPlanController, PrintRosterController,
  EnrolSponsorshipController, ListSponsorshipsController, GetSponsorshipController, PayInstalmentController, CancelSponsorshipController,
];
const handlers = [
  RegisterChildHandler, UpdateChildHandler, MergeChildrenHandler, RegisterInstitutionHandler, RequestAllocationHandler, CancelAllocationHandler, RetryAllocationHandler,
  PreviewPlanHandler, CommitPlanHandler,
  EnrolSponsorshipHandler, PayInstalmentHandler, CancelSponsorshipHandler, EndSponsorshipsHandler,
];
const views = [ListChildrenView, ListAllocationsView, ListSponsorshipsView, PrintRosterView];
const services = [Clock, KnownCampaigns, DonorsCampaignsClient, KnownDonors, InventoryStockClient];
const jobs = [EndSponsorshipsJob];

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
  providers: [...services, ...handlers, ...views, ...jobs, ...BENEFICIARIES_CONSUMERS],
})
export class BeneficiariesModule {}
