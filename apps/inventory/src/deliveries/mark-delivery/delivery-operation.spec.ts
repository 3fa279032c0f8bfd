import { applyOrder, failureReasonOf, happenedAtProblem, relationshipCodeOf } from './delivery-operation';

describe('delivery operations', () => {
  const now = new Date('2026-11-29T10:00:00Z');

  it('accepts a tap up to 5 minutes ahead of the server, and none before the dispatch', () => {
    expect(happenedAtProblem({ action: 'confirm', happenedAt: new Date('2026-11-29T10:05:00Z') }, null, now)).toBeNull();
    expect(happenedAtProblem({ action: 'confirm', happenedAt: new Date('2026-11-29T10:05:01Z') }, null, now)).toContain('more than 5 minutes ahead');
    const dispatched = new Date('2026-11-29T08:00:00Z');
    expect(happenedAtProblem({ action: 'fail', happenedAt: new Date('2026-11-29T07:59:59Z') }, dispatched, now)).toContain('before the dispatch');
    expect(happenedAtProblem({ action: 'dispatch', happenedAt: new Date('2026-11-29T07:59:59Z') }, dispatched, now)).toBeNull();
  });

  it('keeps free-text failure reasons as the note, with reason other', () => {
    expect(failureReasonOf('not_home', undefined)).toEqual({ reason: 'not_home', note: null });
    expect(failureReasonOf('family moved', undefined)).toEqual({ reason: 'other', note: 'family moved' });
    expect(failureReasonOf('family moved', 'to Can Tho')).toEqual({ reason: 'other', note: 'family moved — to Can Tho' });
    expect(relationshipCodeOf('Mother')).toBe('mother');
    expect(relationshipCodeOf('neighbour Ba')).toBe('other');
    expect(relationshipCodeOf(undefined)).toBeNull();
  });

  it('orders a queue by happenedAt, dispatch first at the same moment, otherwise as sent', () => {
    const at = (s: string) => new Date(`2026-11-29T${s}Z`);
    const ops = [
      { id: 'c', action: 'confirm' as const, happenedAt: at('09:00:00') },
      { id: 'd', action: 'dispatch' as const, happenedAt: at('09:00:00') },
      { id: 'e', action: 'dispatch' as const, happenedAt: at('08:00:00') },
    ];
    expect(applyOrder(ops).map((o) => o.id)).toEqual(['e', 'd', 'c']);
  });
});
