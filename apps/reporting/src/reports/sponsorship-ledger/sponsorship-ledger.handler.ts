import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { tuneForPeriodReport } from '../report-conventions';
import { SPONSORSHIP_LEDGER_SQL } from './sponsorship-ledger.sql';

export interface SponsorshipLine {
  sponsorshipId: string;
  /** The child's pseudonymous id (never a name). */
  beneficiaryId: string;
  donorId: string;
  districtCode: string;
  campaignId: string | null;
  monthlyAmountVnd: number;
  startMonth: string;
  /** The last month due (its end month, or the month before it was cancelled). */
  lastMonth: string;
  status: 'active' | 'ended' | 'cancelled';
  dueVnd: number;
  paidVnd: number;
  arrearsVnd: number;
}

export interface SponsorshipLedger {
  month: string;
  asOf: string | null;
  totals: { sponsorships: number; children: number; dueVnd: number; paidVnd: number; arrearsVnd: number };
  sponsorships: SponsorshipLine[];
}

@Injectable()
export class SponsorshipLedgerHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ledger(month: string, asOf?: string): Promise<SponsorshipLedger> {
    const at = asOf ? new Date(asOf).toISOString() : null;
    const [row]: { sponsorships: SponsorshipLine[] }[] = await readActiveGeneration(this.dataSource, async (manager, generation) => {
      await tuneForPeriodReport(manager);
      return manager.query(SPONSORSHIP_LEDGER_SQL, [generation, month, at]);
    });
    const lines = row.sponsorships;
    const sum = (key: 'dueVnd' | 'paidVnd' | 'arrearsVnd') => lines.reduce((n, l) => n + Number(l[key]), 0);
    return {
      month, asOf: at,
      totals: { sponsorships: lines.length, children: new Set(lines.map((l) => l.beneficiaryId)).size, dueVnd: sum('dueVnd'), paidVnd: sum('paidVnd'), arrearsVnd: sum('arrearsVnd') },
      sponsorships: lines,
    };
  }
}
