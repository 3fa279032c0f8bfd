import { pledgeStatusOf } from './pledge-status';

const line = (pledged: number, received: number, delivered = 0) => ({ pledged, received, delivered });

describe('pledgeStatusOf', () => {
  it.each([
    ['nothing received', [line(20, 0)], 'pledged'],
    ['part of one line received', [line(20, 5)], 'partially_received'],
    ['one line in full, another not at all', [line(20, 20), line(10, 0)], 'partially_received'],
    ['everything received', [line(20, 20), line(10, 10)], 'received'],
    ['more received than pledged', [line(20, 21)], 'received'],
    ['some delivered', [line(20, 20, 4)], 'received'],
    ['one line delivered in full, the other in part', [line(20, 20, 20), line(10, 10, 9)], 'received'],
    ['everything delivered', [line(20, 20, 20), line(10, 10, 10)], 'fulfilled'],
  ] as const)('%s → %s', (_, lines, expected) => {
    expect(pledgeStatusOf('pledged', [...lines])).toBe(expected);
    expect(pledgeStatusOf('partially_received', [...lines])).toBe(expected);
  });

  it('keeps a cancelled pledge cancelled, even if goods turn up', () => {
    expect(pledgeStatusOf('cancelled', [line(20, 20)])).toBe('cancelled');
  });

  it('keeps a closed pledge closed, even when its received goods are all delivered', () => {
    expect(pledgeStatusOf('closed', [line(20, 5, 5)])).toBe('closed');
  });
});
