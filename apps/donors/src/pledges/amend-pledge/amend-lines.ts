import { PledgeLine } from '../pledge-line.entity';

export interface LineChange {
  itemCode: string;
  quantity: number;
  unitValueVnd?: number;
}

/**
 * A pledge's lines after an amendment: listed items take the new quantity (and value, when given), new items
 * are appended, others stay. A quantity below what was already received is refused: the result names each one.
 */
export function amendLines(pledgeId: string, lines: PledgeLine[], changes: LineChange[]): { lines: PledgeLine[] } | { belowReceived: string[] } {
  const next = lines.map((l) => ({ ...l }));
  const belowReceived: string[] = [];
  for (const change of changes) {
    const line = next.find((l) => l.itemCode === change.itemCode);
    if (line) {
      if (change.quantity < line.received) belowReceived.push(`${change.itemCode}: ${change.quantity} < ${line.received} received`);
      line.pledged = change.quantity;
      if (change.unitValueVnd !== undefined) line.unitValueVnd = change.unitValueVnd;
    } else {
      next.push({
        pledgeId, lineNo: Math.max(0, ...next.map((l) => l.lineNo)) + 1, itemCode: change.itemCode,
        unitValueVnd: change.unitValueVnd ?? null, pledged: change.quantity, received: 0, delivered: 0,
      });
    }
  }
  return belowReceived.length ? { belowReceived } : { lines: next };
}
