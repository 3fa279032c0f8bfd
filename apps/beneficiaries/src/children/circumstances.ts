import { CIRCUMSTANCES } from '@giftflow/contracts';

/** The circumstances staff record for a child: every code BeneficiaryRegistered v1 can carry. */
export const CHILD_CIRCUMSTANCES = CIRCUMSTANCES;

export type ChildCircumstance = (typeof CHILD_CIRCUMSTANCES)[number];
