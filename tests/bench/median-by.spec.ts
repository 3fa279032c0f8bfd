import { medianBy } from './bench-support';

describe('medianBy', () => {
  it('picks the item with the middle value, whatever the order, and leaves the items as they were', () => {
    const rounds = [{ round: 1, ratio: 0.41 }, { round: 2, ratio: 0.29 }, { round: 3, ratio: 0.35 }];
    expect(medianBy(rounds, (r) => r.ratio)).toEqual({ round: 3, ratio: 0.35 });
    expect(rounds.map((r) => r.round)).toEqual([1, 2, 3]);
  });

  it('takes the lower middle of an even count, the one item of one, and refuses none', () => {
    expect(medianBy([4, 1, 3, 2], (n) => n)).toBe(2);
    expect(medianBy([7], (n) => n)).toBe(7);
    expect(() => medianBy([], (n: number) => n)).toThrow('no median');
  });
});
