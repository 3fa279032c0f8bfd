import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { fields } from '@giftflow/contracts';
import { PledgeTerms } from './pledge-terms';
import { onBehalfOfCaller } from '@giftflow/platform';

/** The parts of donors' `GET /pledges/:id` answer we use; a line gives `quantity` or `pledged`. */
const donorsPledgeSchema = z.object({
  status: z.string(),
  donorId: fields.id.nullish(),
  campaignId: fields.id.nullish(),
  lines: z.array(
    z.object({
      itemCode: fields.code,
      quantity: fields.quantity.optional(),
      pledged: fields.quantity.optional(),
      unitValueVnd: fields.vnd.nullish(),
    }),
  ),
});

/**
 * Asks donors about a pledge inventory has not heard of yet (its PledgeRecorded is still on the way).
 * Only ever a read, made while a user waits; any failure counts as "not found", since the local copy
 * catches up from the stream anyway.
 */
@Injectable()
export class DonorsPledgesClient {
  private readonly logger = new Logger(DonorsPledgesClient.name);

  async find(pledgeId: string): Promise<PledgeTerms | null> {
    const base = process.env.DONORS_URL ?? 'http://127.0.0.1:3001';
    try {
      const response = await fetch(`${base}/pledges/${encodeURIComponent(pledgeId)}`, { headers: onBehalfOfCaller(), signal: AbortSignal.timeout(3_000) });
      if (!response.ok) return null;
      const parsed = donorsPledgeSchema.safeParse(await response.json());
      if (!parsed.success) {
        this.logger.warn(`donors answered for pledge ${pledgeId} in an unexpected shape: ${parsed.error.message}`);
        return null;
      }
      const lines = parsed.data.lines.flatMap((l) => {
        const quantity = l.quantity ?? l.pledged;
        return quantity ? [{ itemCode: l.itemCode, quantity, unitValueVnd: l.unitValueVnd ?? null }] : [];
      });
      return {
        pledgeId, status: parsed.data.status === 'cancelled' ? 'cancelled' : 'pledged',
        donorId: parsed.data.donorId ?? null, campaignId: parsed.data.campaignId ?? null, lines,
      };
    } catch (error) {
      this.logger.warn(`could not ask donors about pledge ${pledgeId}: ${String(error)}`);
      return null;
    }
  }
}
