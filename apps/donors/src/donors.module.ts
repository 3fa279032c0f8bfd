import { Module } from '@nestjs/common';
import { CreateHttpIdempotencyTable1764900000000, ServiceCoreModule } from '@giftflow/platform';
import { Campaign } from './campaigns/campaign.entity';
import { CloseCampaignController } from './campaigns/close-campaign/close-campaign.controller';
import { CloseCampaignHandler } from './campaigns/close-campaign/close-campaign.handler';
import { GetCampaignController } from './campaigns/get-campaign/get-campaign.controller';
import { ListCampaignsController } from './campaigns/list-campaigns/list-campaigns.controller';
import { ListCampaignsView } from './campaigns/list-campaigns/list-campaigns.view';
import { OpenCampaignController } from './campaigns/open-campaign/open-campaign.controller';
import { OpenCampaignHandler } from './campaigns/open-campaign/open-campaign.handler';
import { DONORS_CONSUMERS, DONORS_SUBSCRIPTIONS } from './donors.subscriptions';
import { Donor } from './donors/donor.entity';
import { GetDonorController } from './donors/get-donor/get-donor.controller';
import { ListDonorsController } from './donors/list-donors/list-donors.controller';
import { ListDonorsView } from './donors/list-donors/list-donors.view';
import { RegisterDonorController } from './donors/register-donor/register-donor.controller';
import { RegisterDonorHandler } from './donors/register-donor/register-donor.handler';
import { UpdateDonorController } from './donors/update-donor/update-donor.controller';
import { UpdateDonorHandler } from './donors/update-donor/update-donor.handler';
import { AddProgrammesToDonors1764900000100 } from './migrations/add-programmes-to-donors.migration';
import { CreateDonorsTables1764600000000 } from './migrations/create-donors-tables.migration';
import { AmendPledgeController } from './pledges/amend-pledge/amend-pledge.controller';
import { AmendPledgeHandler } from './pledges/amend-pledge/amend-pledge.handler';
import { CancelPledgeController } from './pledges/cancel-pledge/cancel-pledge.controller';
import { CancelPledgeHandler } from './pledges/cancel-pledge/cancel-pledge.handler';
import { ClosePledgeController } from './pledges/close-pledge/close-pledge.controller';
import { ClosePledgeHandler } from './pledges/close-pledge/close-pledge.handler';
import { GetPledgeController } from './pledges/get-pledge/get-pledge.controller';
import { ListPledgesController } from './pledges/list-pledges/list-pledges.controller';
import { ListPledgesView } from './pledges/list-pledges/list-pledges.view';
import { PledgeLine } from './pledges/pledge-line.entity';
import { Pledge } from './pledges/pledge.entity';
import { RecordPledgeController } from './pledges/record-pledge/record-pledge.controller';
import { RecordPledgeHandler } from './pledges/record-pledge/record-pledge.handler';

const entities = [Donor, Campaign, Pledge, PledgeLine];
const migrations = [CreateDonorsTables1764600000000, CreateHttpIdempotencyTable1764900000000, AddProgrammesToDonors1764900000100];

const controllers = [
  RegisterDonorController, ListDonorsController, GetDonorController, UpdateDonorController,
  OpenCampaignController, ListCampaignsController, GetCampaignController, CloseCampaignController,
  RecordPledgeController, ListPledgesController, GetPledgeController, AmendPledgeController, CancelPledgeController, ClosePledgeController,
];
const handlers = [
  RegisterDonorHandler, UpdateDonorHandler, OpenCampaignHandler, CloseCampaignHandler,
  RecordPledgeHandler, AmendPledgeHandler, CancelPledgeHandler, ClosePledgeHandler,
];
const views = [ListDonorsView, ListCampaignsView, ListPledgesView];

@Module({
  imports: [
    ServiceCoreModule.forService({ service: 'donors', entities, migrations, consumes: ['inventory'], subscriptions: DONORS_SUBSCRIPTIONS }),
  ],
  controllers,
  providers: [...handlers, ...views, ...DONORS_CONSUMERS],
})
export class DonorsModule {}
