import { EntityManager } from 'typeorm';

/** What a receipt needs to know about a pledge: is it still open, and what was pledged. */
export interface PledgeTerms {
  pledgeId: string;
  status: 'pledged' | 'cancelled';
  donorId: string | null;
  campaignId: string | null;
  lines: { itemCode: string; quantity: number; unitValueVnd: number | null }[];
}

/** The pledge from inventory's local copy (kept from donors.events), or null when it has not arrived. */
export async function localPledgeTerms(manager: EntityManager, pledgeId: string): Promise<PledgeTerms | null> {
  const rows: { status: PledgeTerms['status']; donor_id: string | null; campaign_id: string | null; item_code: string | null; quantity: number | null; unit_value_vnd: string | null }[] = await manager.query(
    `SELECT p.status, p.donor_id, p.campaign_id, l.item_code, l.quantity, l.unit_value_vnd
       FROM known_pledges p LEFT JOIN known_pledge_lines l ON l.pledge_id = p.pledge_id
      WHERE p.pledge_id = $1 ORDER BY l.line_no`,
    [pledgeId],
  );
  if (rows.length === 0) return null;
  const lines = rows.flatMap((r) => (r.item_code === null ? [] : [{ itemCode: r.item_code, quantity: r.quantity!, unitValueVnd: r.unit_value_vnd === null ? null : Number(r.unit_value_vnd) }]));
  return { pledgeId, status: rows[0].status, donorId: rows[0].donor_id, campaignId: rows[0].campaign_id, lines };
}
