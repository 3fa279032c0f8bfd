import { variancesOf } from './variances';

describe('variancesOf', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 10, 29, 9, m));
  it('takes the latest count of each item or lot against the ledger balance at its moment', () => {
    expect(variancesOf([
      { itemCode: 'milk', lotId: null, counted: 9, expected: 10, countedAt: at(5), seq: 1 },
      { itemCode: 'bicycle', lotId: 'L1', counted: 4, expected: 4, countedAt: at(1), seq: 2 },
      { itemCode: 'milk', lotId: null, counted: 12, expected: 13, countedAt: at(2), seq: 3 },
      { itemCode: 'milk', lotId: 'L2', counted: 3, expected: 1, countedAt: at(2), seq: 4 },
    ])).toEqual([
      { itemCode: 'bicycle', lotId: 'L1', expected: 4, counted: 4, variance: 0 },
      { itemCode: 'milk', lotId: null, expected: 10, counted: 9, variance: -1 },
      { itemCode: 'milk', lotId: 'L2', expected: 1, counted: 3, variance: 2 },
    ]);
  });
});
