import { BadRequestException, NotFoundException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { tuneForPeriodReport } from '../report-conventions';
import { DONOR_STATEMENT_SQL } from './donor-statement.sql';

interface Given {
  pledgedQty: number;
  pledgedValueVnd: number;
  receivedQty: number;
  receivedValueVnd: number;
  deliveredQty: number;
  deliveredValueVnd: number;
}

export interface PledgeStatement extends Given {
  pledgeId: string;
  /** Null for goods received with no PledgeRecorded read (a walk-in receipt). */
  pledgedOn: string | null;
  campaignId: string | null;
  walkIn: boolean;
  cancelledAt: string | null;
  /** Closed with what was not received forgiven. */
  closedAt: string | null;
  childrenReached: number;
  institutionsReached: number;
  byCategory: (Given & { category: string; unit: string })[];
}

export interface DonorStatement {
  donorId: string;
  from: string;
  to: string;
  totals: Given & { childrenReached: number; institutionsReached: number; instalmentsPaidVnd: number };
  pledges: PledgeStatement[];
  byDistrict: { districtCode: string; category: string; deliveredQty: number; deliveredValueVnd: number; childrenReached: number; institutionsReached: number }[];
  sponsorships: { sponsorshipId: string; districtCode: string; monthlyAmountVnd: number; startMonth: string; endMonth: string; paidVnd: number; instalments: number }[];
}

type Row = {
  lines: (Given & { pledgeId: string; category: string; unit: string })[];
  pledges: Omit<PledgeStatement, keyof Given | 'byCategory'>[];
  by_district: DonorStatement['byDistrict'];
  totals: Given & { childrenReached: number; institutionsReached: number };
  sponsorships: DonorStatement['sponsorships'];
};

/** Where a donor's gifts went in a period: figures from the same facts as every other report, no child's data. */
@Injectable()
export class DonorStatementHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statement(donorId: string, from: string, to: string): Promise<DonorStatement> {
    if (from > to) throw new BadRequestException(['from must not be after to']);
    const [row]: Row[] = await readActiveGeneration(this.dataSource, async (manager, generation) => {
      await tuneForPeriodReport(manager);
      // A donor no fact names (no pledge, walk-in receipt or sponsorship, ever) is unknown to reporting: 404.
      const [{ known }]: { known: boolean }[] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM pledge_lines WHERE generation = $1 AND donor_id = $2)
             OR EXISTS (SELECT 1 FROM receipt_lots WHERE generation = $1 AND donor_id = $2)
             OR EXISTS (SELECT 1 FROM sponsorships WHERE generation = $1 AND donor_id = $2) AS known`, [generation, donorId]);
      if (!known) throw new NotFoundException(`no pledge, receipt or sponsorship of donor ${donorId} has reached reporting`);
      return manager.query(DONOR_STATEMENT_SQL, [generation, from, to, null, null, null, donorId]);
    });
    const pledges = row.pledges.map((p) => {
      const byCategory = row.lines.filter((l) => l.pledgeId === p.pledgeId).map(({ pledgeId: _, ...line }) => line);
      const sum = (key: keyof Given) => byCategory.reduce((n, l) => n + Number(l[key]), 0);
      return {
        ...p, walkIn: Boolean(p.walkIn),
        pledgedQty: sum('pledgedQty'), pledgedValueVnd: sum('pledgedValueVnd'), receivedQty: sum('receivedQty'), receivedValueVnd: sum('receivedValueVnd'),
        deliveredQty: sum('deliveredQty'), deliveredValueVnd: sum('deliveredValueVnd'), byCategory,
      };
    }).sort((a, b) => (a.pledgedOn ?? '9999').localeCompare(b.pledgedOn ?? '9999') || a.pledgeId.localeCompare(b.pledgeId));
    const instalmentsPaidVnd = row.sponsorships.reduce((n, s) => n + Number(s.paidVnd), 0);
    return { donorId, from, to, totals: { ...row.totals, instalmentsPaidVnd }, pledges, byDistrict: row.by_district, sponsorships: row.sponsorships };
  }
}
