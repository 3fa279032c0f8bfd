import { CandidateLot, planReservation } from './plan-reservation';

const lot = (lotId: string, itemCode: string, available: number, warehouseCode = 'W1'): CandidateLot => ({
  lotId, pledgeId: `pledge-of-${lotId}`, itemCode, warehouseCode, unitValueVnd: 1000, available,
});

describe('planReservation', () => {
  it('takes from the lots in the order given (first-expiring first), splitting across lots', () => {
    const plan = planReservation([{ itemCode: 'milk', quantity: 5 }], [lot('soon', 'milk', 3), lot('later', 'milk', 10)]);
    expect(plan).toEqual({
      ok: true,
      picks: [
        expect.objectContaining({ lotId: 'soon', quantity: 3, pledgeId: 'pledge-of-soon', warehouseCode: 'W1', unitValueVnd: 1000 }),
        expect.objectContaining({ lotId: 'later', quantity: 2 }),
      ],
    });
  });

  it('adds up repeated lines of one item before deciding', () => {
    const plan = planReservation([{ itemCode: 'bicycle', quantity: 2 }, { itemCode: 'bicycle', quantity: 2 }], [lot('a', 'bicycle', 3)]);
    expect(plan).toEqual({ ok: false, shortages: [{ itemCode: 'bicycle', requested: 4, available: 3 }] });
  });

  it('reserves nothing when any line falls short, and names every short item', () => {
    const plan = planReservation(
      [{ itemCode: 'bicycle', quantity: 1 }, { itemCode: 'backpack', quantity: 2 }, { itemCode: 'unknown', quantity: 1 }],
      [lot('b', 'bicycle', 5), lot('p', 'backpack', 1)],
    );
    expect(plan).toEqual({
      ok: false,
      shortages: [{ itemCode: 'backpack', requested: 2, available: 1 }, { itemCode: 'unknown', requested: 1, available: 0 }],
    });
  });

  it('covers several items from their own lots only', () => {
    const plan = planReservation([{ itemCode: 'bicycle', quantity: 1 }, { itemCode: 'backpack', quantity: 1 }], [lot('p', 'backpack', 1), lot('b', 'bicycle', 1)]);
    expect(plan.ok && plan.picks.map((p) => [p.itemCode, p.lotId, p.quantity])).toEqual([['bicycle', 'b', 1], ['backpack', 'p', 1]]);
  });
});
