import { CampaignOpenedV1 } from './campaign-opened.v1';
import { DonorRegisteredV1 } from './donor-registered.v1';
import { PledgeCancelledV1 } from './pledge-cancelled.v1';
import { PledgeRecordedV1 } from './pledge-recorded.v1';
import { PledgeStatusChangedV1 } from './pledge-status-changed.v1';

/** Every contract donors publishes, every version; a new version goes here beside the old one. */
export const DONORS_EVENTS = [
  DonorRegisteredV1,
  CampaignOpenedV1,
  PledgeRecordedV1,
  PledgeCancelledV1,
  PledgeStatusChangedV1,
] as const;
