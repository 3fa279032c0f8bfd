import { CampaignClosedV1 } from './campaign-closed.v1';
import { DonorUpdatedV1 } from './donor-updated.v1';
import { PledgeAmendedV1 } from './pledge-amended.v1';
import { PledgeClosedV1 } from './pledge-closed.v1';
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
  CampaignClosedV1,
  DonorUpdatedV1,
  PledgeAmendedV1,
  PledgeClosedV1,
] as const;
