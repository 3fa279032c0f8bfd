import { Injectable } from '@nestjs/common';
import { Summary, SummaryHandler } from '../summary/summary.handler';
import {
  Language, WORDS, campaignKindName, categoryName, circumstanceName, districtName, formatNumber,
} from './half-year-document.text';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

/** The narrative report as blocks, rendered to HTML or PDF alike (render-html.ts, render-pdf.ts). */
export interface HalfYearDocument {
  lang: Language;
  title: string;
  subtitle: string;
  blocks: Block[];
  /** The summary every figure comes from. */
  summary: Summary;
}

/** Campaign kinds the provincial report tells as events ("at the dialogue programme, 39 gifts were presented…"). */
const EVENT_KINDS = new Set(['dialogue', 'festival']);

/**
 * The fund's half-year report in the shape of the provincial report (docs/source-report.md): gifts and every
 * category given out, children reached in total and per campaign, institutions, each event with its gifts,
 * sponsored children and their monthly amount, services given, who the children are, a table per district.
 * Every figure is the half-year summary's (GET /reports/summary for the same dates).
 */
@Injectable()
export class HalfYearDocumentHandler {
  constructor(private readonly summaries: SummaryHandler) {}

  async document(year: number, half: 1 | 2, lang: Language): Promise<HalfYearDocument> {
    const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
    const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
    const summary = await this.summaries.summary({ from, to });
    return { lang, title: WORDS[lang].title(half, year), subtitle: WORDS[lang].fund, blocks: blocksOf(summary, lang), summary };
  }
}

export function blocksOf(s: Summary, lang: Language): Block[] {
  const w = WORDS[lang];
  const n = (value: number) => formatNumber(lang, value);
  const blocks: Block[] = [{ kind: 'paragraph', text: w.period(s.from, s.to) }];
  const heading = (text: string) => blocks.push({ kind: 'heading', text });
  const say = (text: string) => blocks.push({ kind: 'paragraph', text });

  heading(w.giftsHeading);
  const goods = s.byCategory.filter((c) => !c.service && c.deliveredQty > 0).sort((a, b) => b.deliveredQty - a.deliveredQty);
  say(goods.length ? w.giftsSentence(joinList(lang, goods.map((c) => `${n(c.deliveredQty)} ${categoryName(lang, c.category)}`))) : w.noGifts);
  say(w.totalValue(n(s.totals.deliveredValueVnd)));
  say(w.pledgedReceived(n(s.totals.pledgedQty), n(s.totals.pledgedValueVnd), n(s.totals.receivedQty), n(s.totals.receivedValueVnd)));
  blocks.push({
    kind: 'table', columns: [w.category, w.unit, w.delivered, w.value, w.children, w.institutions],
    rows: s.byCategory.filter((c) => c.deliveredQty > 0).map((c) => [
      `${categoryName(lang, c.category)} (${c.category})`, c.unit, n(c.deliveredQty), n(c.deliveredValueVnd), n(c.childrenReached), n(c.institutionsReached),
    ]),
  });

  heading(w.reachHeading);
  say(w.reachSentence(n(s.totals.childrenReached), n(s.totals.institutionsReached)));
  for (const c of s.byCampaign.filter((c) => !EVENT_KINDS.has(c.kind) && c.deliveredQty > 0)) {
    say(w.campaignSentence(`${c.name ?? campaignKindName(lang, c.kind)}`, n(c.childrenReached), n(c.deliveredQty), n(c.deliveredValueVnd)));
  }

  const events = s.byCampaign.filter((c) => EVENT_KINDS.has(c.kind) && c.deliveredQty > 0);
  if (events.length) {
    heading(w.eventsHeading);
    for (const c of events) say(w.eventSentence(c.name ?? campaignKindName(lang, c.kind), n(c.deliveredQty), n(c.childrenReached), n(c.institutionsReached)));
  }

  heading(w.sponsorshipHeading);
  if (s.sponsorshipsByMonthlyAmount.length === 0) say(w.noSponsorships);
  for (const a of s.sponsorshipsByMonthlyAmount) say(w.sponsorshipSentence(n(a.childrenSponsored), n(a.monthlyAmountVnd)));
  if (s.totals.sponsorships.instalmentsPaidVnd > 0) say(w.instalmentsSentence(n(s.totals.sponsorships.instalmentsPaidVnd)));

  const services = s.byCategory.filter((c) => c.service && c.deliveredQty > 0);
  if (services.length) {
    heading(w.servicesHeading);
    for (const c of services) say(w.serviceSentence(categoryName(lang, c.category), n(c.deliveredQty), n(c.childrenReached)));
  }

  if (s.totals.childrenReached > 0) {
    heading(w.profileHeading);
    blocks.push({ kind: 'table', columns: [w.circumstance, w.children], rows: s.byCircumstance.map((c) => [`${circumstanceName(lang, c.circumstance)} (${c.circumstance})`, n(c.childrenReached)]) });
    blocks.push({ kind: 'table', columns: [w.sex, w.children], rows: s.bySex.map((c) => [w.sexNames[c.sex] ?? c.sex, n(c.childrenReached)]) });
    blocks.push({ kind: 'table', columns: [w.ageBand, w.children], rows: s.byAgeBand.map((c) => [c.band, n(c.childrenReached)]) });
  }

  heading(w.districtHeading);
  blocks.push({
    kind: 'table', columns: [w.district, w.delivered, w.value, w.children, w.institutions],
    rows: s.byDistrict.map((d) => [districtName(d.districtCode), n(d.deliveredQty), n(d.deliveredValueVnd), n(d.childrenReached), n(d.institutionsReached)]),
  });
  say(w.source(s.asOf ?? new Date().toISOString()));
  return blocks;
}

function joinList(lang: Language, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${items[items.length - 1]}`;
}
