/**
 * The half-year's figures as reporting gives them (GET /reports/summary for 2023-01-01..2023-06-30, and per
 * campaign), set against the provincial report's (REPORT_FIGURES). Pure: the demo and its test share it.
 */
import { REPORT_FIGURES } from '../demo-data';
import { INSTITUTION_SEEDS } from '../reference/partners';

interface CategoryRow {
  category: string;
  deliveredQty: number;
}
/** The parts of a GET /reports/summary answer the figures read. */
export interface SummaryAnswer {
  totals: { childrenReached: number; institutionsReached: number; sponsorships: { childrenSponsored: number } };
  byCategory: CategoryRow[];
  sponsorshipsByMonthlyAmount: { monthlyAmountVnd: number; childrenSponsored: number }[];
}

export interface HalfYearFigures {
  gifts: number;
  scholarships: number;
  bicycles: number;
  childrenSupportedInMonthOfAction: number;
  giftsAtDialogue: number;
  institutionsAtDialogue: number;
  sponsoredOrphans: number;
  /** The one monthly amount every sponsorship pays; null when there are none or several. */
  sponsorshipVndPerMonth: number | null;
  heartScreenings: number;
  heartSurgeries: number;
}

/** What the report says (the dialogue's three institutions are named there, not counted in REPORT_FIGURES). */
export const EXPECTED_FIGURES: HalfYearFigures = {
  gifts: REPORT_FIGURES.gifts,
  scholarships: REPORT_FIGURES.scholarships,
  bicycles: REPORT_FIGURES.bicycles,
  childrenSupportedInMonthOfAction: REPORT_FIGURES.childrenSupportedInMonthOfAction,
  giftsAtDialogue: REPORT_FIGURES.giftsAtDialogue,
  institutionsAtDialogue: Object.keys(INSTITUTION_SEEDS).length,
  sponsoredOrphans: REPORT_FIGURES.sponsoredOrphans,
  sponsorshipVndPerMonth: REPORT_FIGURES.sponsorshipVndPerMonth,
  heartScreenings: REPORT_FIGURES.heartScreenings,
  heartSurgeries: REPORT_FIGURES.heartSurgeries,
};

export const delivered = (summary: SummaryAnswer, category: string): number =>
  summary.byCategory.find((c) => c.category === category)?.deliveredQty ?? 0;

/** The figures from three summaries of the half-year: all campaigns, the Month of Action's, the dialogue's. */
export function halfYearFigures(all: SummaryAnswer, monthOfAction: SummaryAnswer, dialogue: SummaryAnswer): HalfYearFigures {
  const amounts = all.sponsorshipsByMonthlyAmount;
  return {
    gifts: delivered(all, 'gifts'),
    scholarships: delivered(all, 'scholarships'),
    bicycles: delivered(all, 'bicycles'),
    childrenSupportedInMonthOfAction: monthOfAction.totals.childrenReached,
    giftsAtDialogue: delivered(dialogue, 'gifts'),
    institutionsAtDialogue: dialogue.totals.institutionsReached,
    sponsoredOrphans: all.totals.sponsorships.childrenSponsored,
    sponsorshipVndPerMonth: amounts.length === 1 ? amounts[0].monthlyAmountVnd : null,
    heartScreenings: delivered(all, 'heart_screening'),
    heartSurgeries: delivered(all, 'heart_surgery_support'),
  };
}

/** One line per figure that differs: `gifts: 5,930, the report says 5,935`. Empty when all agree. */
export function differences(actual: HalfYearFigures, expected: HalfYearFigures = EXPECTED_FIGURES): string[] {
  return (Object.keys(expected) as (keyof HalfYearFigures)[])
    .filter((key) => actual[key] !== expected[key])
    .map((key) => `${key}: ${format(actual[key])}, the report says ${format(expected[key])}`);
}

export const format = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));

/** The key figures as lines for the terminal, each marked ✓ or ✗ against the report. */
export function figureLines(actual: HalfYearFigures, expected: HalfYearFigures = EXPECTED_FIGURES): string[] {
  const labels: Record<keyof HalfYearFigures, string> = {
    gifts: 'gifts delivered (all campaigns)',
    scholarships: 'scholarships delivered',
    bicycles: 'bicycles delivered',
    childrenSupportedInMonthOfAction: 'children reached, Month of Action 2023',
    giftsAtDialogue: 'gifts at the children\'s dialogue',
    institutionsAtDialogue: 'institutions reached at the dialogue',
    sponsoredOrphans: 'orphans sponsored',
    sponsorshipVndPerMonth: 'VND per month each',
    heartScreenings: 'heart screenings',
    heartSurgeries: 'heart surgeries supported',
  };
  return (Object.keys(labels) as (keyof HalfYearFigures)[]).map((key) =>
    `  ${actual[key] === expected[key] ? '✓' : '✗'} ${labels[key].padEnd(40)} ${format(actual[key]).padStart(8)}` +
    (actual[key] === expected[key] ? '' : `   (report: ${format(expected[key])})`));
}
