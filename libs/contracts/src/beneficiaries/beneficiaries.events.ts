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
] as const;
