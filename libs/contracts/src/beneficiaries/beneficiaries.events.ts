import { BeneficiaryUpdatedV1 } from './beneficiary-updated.v1';
import { BeneficiariesMergedV1 } from './beneficiaries-merged.v1';
import { AllocationCancelledV1 } from './allocation-cancelled.v1';
import { SponsorshipEnrolledV1 } from './sponsorship-enrolled.v1';
import { SponsorshipInstalmentPaidV1 } from './sponsorship-instalment-paid.v1';
import { SponsorshipCancelledV1 } from './sponsorship-cancelled.v1';
import { SponsorshipEndedV1 } from './sponsorship-ended.v1';
import { AllocationConfirmedV1 } from './allocation-confirmed.v1';
import { AllocationRejectedV1 } from './allocation-rejected.v1';
import { AllocationRequestedV1 } from './allocation-requested.v1';
import { BeneficiaryRegisteredV1 } from './beneficiary-registered.v1';

/** Every contract beneficiaries publishes, every version; a new version goes here beside the old one. */
export const BENEFICIARIES_EVENTS = [
  BeneficiaryRegisteredV1,
  AllocationRequestedV1,
  AllocationConfirmedV1,
  AllocationRejectedV1,
  BeneficiaryUpdatedV1,
  BeneficiariesMergedV1,
  AllocationCancelledV1,
  SponsorshipEnrolledV1,
  SponsorshipInstalmentPaidV1,
  SponsorshipCancelledV1,
  SponsorshipEndedV1,
] as const;
