import { requestHashOf } from './request-hash';

describe('requestHashOf', () => {
  const body = { donorId: 'd1', campaignId: 'c1', lines: [{ itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_800_000 }] };

  it('hashes the same values the same, whatever the key order and however an absent field is spelled', () => {
    const reordered = { lines: [{ unitValueVnd: 1_800_000, quantity: 20, itemCode: 'bicycle' }], campaignId: 'c1', donorId: 'd1' };
    expect(requestHashOf(reordered)).toBe(requestHashOf(body));
    expect(requestHashOf({ donorId: 'd1', campaignId: null, lines: [] })).toBe(requestHashOf({ donorId: 'd1', lines: [] }));
  });

  it.each([
    ['another quantity', { ...body, lines: [{ ...body.lines[0], quantity: 21 }] }],
    ['another campaign', { ...body, campaignId: 'c2' }],
    ['no campaign', { donorId: 'd1', lines: body.lines }],
    ['one more line', { ...body, lines: [...body.lines, { itemCode: 'backpack', quantity: 1 }] }],
  ])('hashes a body with %s differently', (_, other) => {
    expect(requestHashOf(other)).not.toBe(requestHashOf(body));
  });
});
