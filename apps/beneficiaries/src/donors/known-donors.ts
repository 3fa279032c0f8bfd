import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { KnownDonor } from './known-donor.entity';
import { onBehalfOfCaller } from '@giftflow/platform';

const donorsDonorSchema = z.object({ id: z.string(), kind: z.string() });

/**
 * Whether a donor exists: beneficiaries' copy (DonorRegistered), else one read-only `GET {DONORS_URL}/donors/:id`
 * (a donor registered a moment ago), kept for next time. Any failure of that call counts as "not found".
 */
@Injectable()
export class KnownDonors {
  private readonly logger = new Logger(KnownDonors.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async exists(donorId: string): Promise<boolean> {
    if (await this.db.manager.existsBy(KnownDonor, { id: donorId })) return true;
    const base = process.env.DONORS_URL ?? 'http://127.0.0.1:3001';
    try {
      const response = await fetch(`${base}/donors/${encodeURIComponent(donorId)}`, { headers: onBehalfOfCaller(), signal: AbortSignal.timeout(3_000) });
      if (!response.ok) return false;
      const parsed = donorsDonorSchema.safeParse(await response.json());
      if (!parsed.success) return false;
      await this.db.createQueryBuilder().insert().into(KnownDonor).values({ id: donorId, kind: parsed.data.kind, learnedFrom: 'donors' }).orIgnore().execute();
      return true;
    } catch (error) {
      this.logger.warn(`could not ask donors about donor ${donorId}: ${String(error)}`);
      return false;
    }
  }
}
