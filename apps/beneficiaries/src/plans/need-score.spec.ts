import { NEED_WEIGHTS, needScore, rankByNeed, willReceive } from './need-score';
import { CIRCUMSTANCES } from '@giftflow/contracts';

describe('need score and ranking', () => {
  it('weighs every circumstance code of the contracts', () => {
    expect(Object.keys(NEED_WEIGHTS).sort()).toEqual([...CIRCUMSTANCES].sort());
  });

  it('adds the weights of the circumstances, heaviest first in the reasons', () => {
    expect(needScore(['ethnic_minority', 'orphan', 'poor_household'])).toEqual({ needScore: 9, reasons: ['orphan +5', 'poor_household +3', 'ethnic_minority +1'] });
    expect(needScore([])).toEqual({ needScore: 0, reasons: [] });
  });

  it('ranks by need, then fewer gifts in the last 12 months, then registration order', () => {
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    const ranked = rankByNeed([
      { beneficiaryId: 'late', needScore: 5, giftsLast12Months: 0, registeredAt: at('2023-03-01') },
      { beneficiaryId: 'gifted', needScore: 5, giftsLast12Months: 2, registeredAt: at('2023-01-01') },
      { beneficiaryId: 'neediest', needScore: 9, giftsLast12Months: 3, registeredAt: at('2023-06-01') },
      { beneficiaryId: 'early', needScore: 5, giftsLast12Months: 0, registeredAt: at('2023-02-01') },
    ]);
    expect(ranked.map((c) => [c.rank, c.beneficiaryId])).toEqual([[1, 'neediest'], [2, 'early'], [3, 'late'], [4, 'gifted']]);
  });

  it('serves as many as every stocked line allows; services do not limit', () => {
    expect(willReceive(10, [{ itemCode: 'backpack', available: 7, quantity: 1 }, { itemCode: 'notebook-set', available: 9, quantity: 2 }])).toBe(4);
    expect(willReceive(3, [{ itemCode: 'backpack', available: 70, quantity: 1 }])).toBe(3);
    expect(willReceive(3, [{ itemCode: 'heart-screening', available: null, quantity: 1 }])).toBe(3);
    expect(willReceive(3, [{ itemCode: 'backpack', available: 0, quantity: 1 }])).toBe(0);
  });
});
