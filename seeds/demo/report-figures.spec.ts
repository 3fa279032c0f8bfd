import { differences, EXPECTED_FIGURES, figureLines, halfYearFigures, SummaryAnswer } from './report-figures';

const summary = (over: Partial<SummaryAnswer> = {}): SummaryAnswer => ({
  totals: { childrenReached: 0, institutionsReached: 0, sponsorships: { childrenSponsored: 0 } },
  byCategory: [],
  sponsorshipsByMonthlyAmount: [],
  ...over,
});

describe('the half-year figures against the report', () => {
  const all = summary({
    totals: { childrenReached: 1_502, institutionsReached: 3, sponsorships: { childrenSponsored: 5 } },
    byCategory: [
      { category: 'gifts', deliveredQty: 5_935 }, { category: 'scholarships', deliveredQty: 509 }, { category: 'bicycles', deliveredQty: 20 },
      { category: 'heart_screening', deliveredQty: 180 }, { category: 'heart_surgery_support', deliveredQty: 25 }, { category: 'milk', deliveredQty: 120 },
    ],
    sponsorshipsByMonthlyAmount: [{ monthlyAmountVnd: 500_000, childrenSponsored: 5 }],
  });
  const monthOfAction = summary({ totals: { childrenReached: 1_284, institutionsReached: 0, sponsorships: { childrenSponsored: 0 } } });
  const dialogue = summary({
    totals: { childrenReached: 30, institutionsReached: 3, sponsorships: { childrenSponsored: 0 } },
    byCategory: [{ category: 'gifts', deliveredQty: 39 }],
  });

  it('reads each figure from its summary and finds no difference when they are the report\'s', () => {
    const figures = halfYearFigures(all, monthOfAction, dialogue);
    expect(figures).toEqual(EXPECTED_FIGURES);
    expect(differences(figures)).toEqual([]);
    expect(figureLines(figures).every((line) => line.includes('✓'))).toBe(true);
  });

  it('names every figure that differs, and a missing category counts as none delivered', () => {
    const short = halfYearFigures({ ...all, byCategory: all.byCategory.filter((c) => c.category !== 'bicycles') }, monthOfAction, summary());
    expect(differences(short)).toEqual([
      'bicycles: 0, the report says 20',
      'giftsAtDialogue: 0, the report says 39',
      'institutionsAtDialogue: 0, the report says 3',
    ]);
  });

  it('has no single monthly amount when sponsorships pay several', () => {
    const two = { ...all, sponsorshipsByMonthlyAmount: [{ monthlyAmountVnd: 300_000, childrenSponsored: 1 }, { monthlyAmountVnd: 500_000, childrenSponsored: 4 }] };
    expect(halfYearFigures(two, monthOfAction, dialogue).sponsorshipVndPerMonth).toBeNull();
  });
});
