import { z } from 'zod';
import { fields } from '../envelope';

export const allocationLineSchema = z.object({ itemCode: fields.code, quantity: fields.quantity });
export const beneficiaryRefSchema = {
  beneficiaryId: fields.id,
  beneficiaryKind: z.enum(['child', 'institution']),
  districtCode: fields.code,
};
