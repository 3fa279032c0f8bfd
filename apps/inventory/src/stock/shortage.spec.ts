import { shortageMessage } from './shortage';

describe('shortageMessage', () => {
  it('names the item, the place and the figures', () => {
    expect(shortageMessage('remove', 5, 'BIKE', 'WH-1', { available: 3, onHand: 10, reserved: 7 })).toBe('cannot remove 5 × BIKE from WH-1: 3 available (10 on hand, 7 reserved)');
    expect(shortageMessage('reserve', 4, 'milk', 'ST-FUND', { available: 1, onHand: 6, reserved: 2, expired: 3 }))
      .toBe('cannot reserve 4 × milk from ST-FUND: 1 available (6 on hand, 2 reserved, 3 expired)');
  });
});
