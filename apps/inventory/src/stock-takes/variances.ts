/** A count as recorded: what was counted, and the ledger's balance at the moment of the count. */
export interface RecordedCount {
  itemCode: string;
  lotId: string | null;
  counted: number;
  expected: number;
  countedAt: Date;
  seq: number;
}

export interface Variance {
  itemCode: string;
  lotId: string | null;
  expected: number;
  counted: number;
  variance: number;
}

/**
 * One variance per counted item (or lot): the latest count of it against the ledger balance at that count's
 * moment. Movements after the count (receipts, deliveries) are not part of it, so none of them is overwritten.
 */
export function variancesOf(counts: RecordedCount[]): Variance[] {
  const latest = new Map<string, RecordedCount>();
  for (const c of counts) {
    const key = `${c.itemCode}|${c.lotId ?? ''}`;
    const seen = latest.get(key);
    if (!seen || c.countedAt > seen.countedAt || (c.countedAt.getTime() === seen.countedAt.getTime() && c.seq > seen.seq)) latest.set(key, c);
  }
  return [...latest.values()]
    .sort((a, b) => a.itemCode.localeCompare(b.itemCode) || (a.lotId ?? '').localeCompare(b.lotId ?? ''))
    .map((c) => ({ itemCode: c.itemCode, lotId: c.lotId, expected: c.expected, counted: c.counted, variance: c.counted - c.expected }));
}
