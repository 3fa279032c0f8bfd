import { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * What a projected chunk changed that the summary's month rollups are built from, gathered from the fact rows as they
 * are queued and written as one `summary_changes` row in the chunk's own transaction (so a summary sees a fact and its
 * change together, or neither). Months are known from the rows; facts that change other facts' figures (an outcome
 * stops its allocation's request, a pledge gives its receipts a campaign…) are kept by key and turned into months by
 * the next summary, in its snapshot (month-rollups.ts): looking them up here would race the other topics' chunks.
 */
export class SummaryChanges {
  private readonly months = new Set<string>();
  private readonly allocations = new Set<string>();
  private readonly pledges = new Set<string>();
  private readonly beneficiaries = new Set<string>();
  private everyMonth = false;

  /** Called with every fact row queued for `table`. */
  note(table: string, rows: readonly Row[]): void {
    switch (table) {
      case 'pledge_lines': // its month, and its receipts' campaign
        for (const r of rows) this.addMonth(r.pledged_on).pledges.add(String(r.pledge_id));
        break;
      case 'pledge_cancellations':
      case 'pledge_amendments':
        for (const r of rows) this.pledges.add(String(r.pledge_id));
        break;
      case 'receipt_lots':
        for (const r of rows) this.addMonth(r.received_on);
        break;
      case 'requested_lines': // its month, and its deliveries' and returns' campaign, district and kind
        for (const r of rows) this.addMonth(r.allocated_on).allocations.add(String(r.allocation_id));
        break;
      case 'allocation_outcomes':
        for (const r of rows) this.allocations.add(String(r.allocation_id));
        break;
      case 'delivered_lots':
        for (const r of rows) this.addMonth(r.delivered_on);
        break;
      case 'gift_returns':
        for (const r of rows) this.addMonth(r.returned_on);
        break;
      case 'beneficiary_versions': // the child's commune, sex, circumstances and age in every month they were reached
        for (const r of rows) this.beneficiaries.add(String(r.beneficiary_id));
        break;
      case 'beneficiary_merges': // rare: who counts as whom, in any month
        if (rows.length > 0) this.everyMonth = true;
        break;
      default: // nothing the summary's rollups read
    }
  }

  async write(manager: EntityManager, generation: number): Promise<void> {
    if (this.months.size + this.allocations.size + this.pledges.size + this.beneficiaries.size === 0 && !this.everyMonth) return;
    // Dates and uuids need no quoting inside an array literal.
    const array = (values: Set<string>) => `{${[...values].join(',')}}`;
    await manager.query(
      `INSERT INTO summary_changes (generation, months, every_month, allocation_ids, pledge_ids, beneficiary_ids)
       VALUES ($1, $2::date[], $3, $4::uuid[], $5::uuid[], $6::uuid[])`,
      [generation, array(this.months), this.everyMonth, array(this.allocations), array(this.pledges), array(this.beneficiaries)]);
  }

  private addMonth(day: unknown): this {
    this.months.add(`${String(day).slice(0, 7)}-01`);
    return this;
  }
}
