import { PledgeLine } from '../pledge-line.entity';
import { amendLines } from './amend-lines';

const line = (lineNo: number, itemCode: string, pledged: number, received = 0): PledgeLine =>
  ({ pledgeId: 'p', lineNo, itemCode, unitValueVnd: null, pledged, received, delivered: 0 });

describe('amendLines', () => {
  const lines = [line(1, 'bicycle', 20, 5), line(2, 'backpack', 10)];

  it('changes listed items, adds new ones at the end and leaves the others', () => {
    const result = amendLines('p', lines, [{ itemCode: 'bicycle', quantity: 15, unitValueVnd: 1_800_000 }, { itemCode: 'kite', quantity: 3 }]);
    expect(result).toEqual({ lines: [
      { ...lines[0], pledged: 15, unitValueVnd: 1_800_000 }, lines[1], line(3, 'kite', 3),
    ] });
    expect(lines[0].pledged).toBe(20); // the input is not changed
  });

  it('accepts exactly what was received and refuses less, naming each line', () => {
    expect(amendLines('p', lines, [{ itemCode: 'bicycle', quantity: 5 }])).toEqual({ lines: [{ ...lines[0], pledged: 5 }, lines[1]] });
    expect(amendLines('p', lines, [{ itemCode: 'bicycle', quantity: 4 }])).toEqual({ belowReceived: ['bicycle: 4 < 5 received'] });
  });
});
