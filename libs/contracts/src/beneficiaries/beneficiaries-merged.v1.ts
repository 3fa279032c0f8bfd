import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** Two records were the same child: `beneficiaryId` is merged away into `intoId`, everywhere, reports included. */
export const BeneficiariesMergedV1 = defineEvent({
  type: 'BeneficiariesMerged',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ beneficiaryId: fields.id, intoId: fields.id }),
});
