import { CIRCUMSTANCES } from '@giftflow/contracts';

/** The circumstances staff record for a child: a subset of what BeneficiaryRegistered v1 can carry. */
export const CHILD_CIRCUMSTANCES = [
  'orphan', 'disabled', 'serious_illness', 'poor_household', 'near_poor_household', 'ethnic_minority',
] as const satisfies readonly (typeof CIRCUMSTANCES)[number][];

export type ChildCircumstance = (typeof CHILD_CIRCUMSTANCES)[number];
