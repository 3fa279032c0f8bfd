import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';
import { Campaign } from './campaigns/campaign.entity';
import { GetCampaignController } from './campaigns/get-campaign/get-campaign.controller';
import { OpenCampaignController } from './campaigns/open-campaign/open-campaign.controller';
import { OpenCampaignHandler } from './campaigns/open-campaign/open-campaign.handler';
import { DONORS_CONSUMERS, DONORS_SUBSCRIPTIONS } from './donors.subscriptions';
import { Donor } from './donors/donor.entity';
import { GetDonorController } from './donors/get-donor/get-donor.controller';
import { RegisterDonorController } from './donors/register-donor/register-donor.controller';
import { RegisterDonorHandler } from './donors/register-donor/register-donor.handler';
import { UsedIdempotencyKey } from './idempotency/idempotency-key.entity';
import { CreateDonorsTables1764600000000 } from './migrations/create-donors-tables.migration';
import { CancelPledgeController } from './pledges/cancel-pledge/cancel-pledge.controller';
import { CancelPledgeHandler } from './pledges/cancel-pledge/cancel-pledge.handler';
import { GetPledgeController } from './pledges/get-pledge/get-pledge.controller';
import { PledgeLine } from './pledges/pledge-line.entity';
import { Pledge } from './pledges/pledge.entity';
import { RecordPledgeController } from './pledges/record-pledge/record-pledge.controller';
import { RecordPledgeHandler } from './pledges/record-pledge/record-pledge.handler';

const entities = [Donor, Campaign, Pledge, PledgeLine, UsedIdempotencyKey];
const migrations = [CreateDonorsTables1764600000000];

const controllers = [
  RegisterDonorController, GetDonorController,
  OpenCampaignController, GetCampaignController,
  RecordPledgeController, GetPledgeController, CancelPledgeController,
];
const handlers = [RegisterDonorHandler, OpenCampaignHandler, RecordPledgeHandler, CancelPledgeHandler];

@Module({
  imports: [
    ServiceCoreModule.forService({ service: 'donors', entities, migrations, consumes: ['inventory'], subscriptions: DONORS_SUBSCRIPTIONS }),
  ],
  controllers,
  providers: [...handlers, ...DONORS_CONSUMERS],
})
export class DonorsModule {}
