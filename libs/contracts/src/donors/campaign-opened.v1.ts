import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const CAMPAIGN_KINDS = [
  'lunar_new_year', 'month_of_action', 'mid_autumn', 'dialogue', 'festival', 'scholarship_drive',
  'sponsorship_programme', 'health_screening', 'other',
] as const;

/** Who a campaign is for; beneficiaries checks it on every allocation. Circumstance codes as in BeneficiaryRegistered. */
export const campaignEligibilitySchema = z.object({
  circumstancesAny: z.array(fields.category).optional(),
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
});

export const campaignTargetSchema = z.object({ category: fields.category, quantity: fields.quantity });

export const CampaignOpenedV1 = defineEvent({
  type: 'CampaignOpened',
  version: 1,
  source: 'donors',
  payload: z.object({
    campaignId: fields.id,
    name: z.string().min(1).max(200),
    startsOn: fields.isoDate,
    endsOn: fields.isoDate,
    /** Absent on events recorded before campaigns had kinds: read as `other`. */
    kind: z.enum(CAMPAIGN_KINDS).optional(),
    districtCodes: z.array(fields.code).optional(),
    eligibility: campaignEligibilitySchema.optional(),
    targets: z.array(campaignTargetSchema).optional(),
  }),
});
