/**
 * `npm run demo`: plays January–June 2023 (half-year-2023.story.ts) into a running giftflow through the gateway's
 * public API, then reads the half-year back from reporting and sets it against the provincial report.
 *
 * Idempotent: every create carries a stable Idempotency-Key (`demo:plan:tet`, …) and every delivery step a
 * clientOpId derived from the allocation and the step, so a second run is answered from the services' stores and
 * changes nothing. The few steps that take no key (retrying a failed delivery) answer 409 once done; that counts as
 * done. Bulk routes keep it short: allocation plans (one call for 1,284 allocations), dispatch runs (500 a van)
 * and POST /deliveries/sync (a phone's queue, up to 1,000 steps).
 */
import { createHash } from 'node:crypto';
import { ApiClient, HeaderSource, sleep } from '../api-client';
import { PROVINCIAL_WAREHOUSE } from '../reference/catalogue';
import { SPONSORED_ORPHANS } from '../population';
import {
  CAMPAIGNS, CampaignKey, PLANS, PLEDGES, PlanStory, SINGLE_ALLOCATIONS, SPONSORSHIPS, SingleAllocationStory,
} from './half-year-2023.story';
import { differences, HalfYearFigures, halfYearFigures, SummaryAnswer } from './report-figures';
import { reportText } from './report-text';

export interface DemoOptions {
  gatewayUrl: string;
  /** `Bearer <token>` to act with; default: sign in as admin@giftflow.local (GIFTFLOW_ADMIN_PASSWORD or the generated one). */
  authorization?: string;
  headers?: HeaderSource;
  /** Progress: called after every step with how many of how many are done. */
  progress?: (done: number, total: number, step: string) => void;
  log?: (line: string) => void;
  /** How long to wait for allocations to settle and for reporting to catch up. Default 180 s each. */
  timeoutMs?: number;
}

export interface DemoResult {
  figures: HalfYearFigures;
  /** Figures that differ from the report's (empty: all agree). */
  mismatches: string[];
  /** GET /reports/summary for the half-year, as answered. */
  summary: SummaryAnswer & Record<string, unknown>;
  /** The half-year document (Vietnamese) as terminal text. */
  reportText: string;
  ms: number;
}

export const HALF_YEAR = { from: '2023-01-01', to: '2023-06-30' } as const;
const WAREHOUSE = PROVINCIAL_WAREHOUSE.code;

/** A UUID (version 5 layout) from a name: the same step gets the same clientOpId in every run. */
export function uuidFrom(name: string): string {
  const h = createHash('sha1').update(`giftflow-demo:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** 2023-06-12 + minutes past 08:00 → an ISO instant in the fund's time zone. */
const at = (day: string, minutesAfterEight: number): string => {
  const m = 8 * 60 + minutesAfterEight;
  return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`;
};
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
/** `list` cut into `parts` runs of (nearly) equal length, in order. */
const spread = <T>(list: T[], parts: number): T[][] => Array.from({ length: parts }, (_, i) =>
  list.slice(Math.round((i * list.length) / parts), Math.round(((i + 1) * list.length) / parts)));

interface Plan {
  id: string;
  status: 'draft' | 'committed';
  roster: { beneficiaryId: string; allocationId: string | null; status: string | null }[];
  progress: Record<string, number>;
}
interface SyncOperation {
  clientOpId: string;
  allocationId: string;
  action: 'dispatch' | 'confirm' | 'fail';
  happenedAt: string;
  volunteer?: string;
  receivedBy?: string;
  relationship?: string;
  reason?: string;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const api = new ApiClient({ gatewayUrl: options.gatewayUrl, authorization: options.authorization, headers: options.headers });
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 180_000;
  await api.connect();

  const campaignsInOrder = CAMPAIGNS.map((c) => c.key);
  const total = CAMPAIGNS.length + PLEDGES.length * 2 + PLANS.length * 4 + SINGLE_ALLOCATIONS.length + SPONSORSHIPS.orphans.length + 2;
  let done = 0;
  const step = (what: string) => options.progress?.(++done, total, what);

  /** Polls `probe` until it answers something truthy. */
  const until = async <T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
      await sleep(500);
    }
  };

  // The seed's records, by name: run `npm run seed` first.
  const donors = new Map((await api.listAll<{ id: string; name: string }>('/donors/donors')).map((d) => [d.name, d.id]));
  const institutions = new Map((await api.listAll<{ id: string; name: string }>('/beneficiaries/institutions')).map((i) => [i.name, i.id]));
  const donorId = (name: string): string => {
    const id = donors.get(name);
    if (!id) throw new Error(`donor "${name}" is not registered: run \`npm run seed\` first`);
    return id;
  };

  const campaignIds = new Map<CampaignKey, string>();
  const plans = new Map<string, Plan>();

  /** Dispatches the allocations in vans of up to 500; a delivery not ready yet (its reservation on its way) goes in the next van. */
  const dispatch = async (label: string, allocationIds: string[], happenedAt: string, volunteer: string): Promise<void> => {
    for (const [n, van] of chunks(allocationIds, 500).entries()) {
      let waiting = van;
      for (let attempt = 1; waiting.length > 0; attempt += 1) {
        const body = { warehouseCode: WAREHOUSE, volunteer, allocationIds: waiting, happenedAt };
        const run = (await api.expect<{ deliveries: { allocationId: string; status: string; message?: string }[] }>(
          'POST', '/inventory/dispatch-runs', body, `demo:run:${label}:${n + 1}:${attempt}`)).body;
        const notReady = run.deliveries.filter((d) => d.status !== 'dispatched' && d.status !== 'delivered');
        if (notReady.length > 0 && attempt * 500 > timeoutMs) {
          throw new Error(`${label}: ${notReady.length} deliveries never became ready, e.g. ${notReady[0].message ?? notReady[0].status}`);
        }
        waiting = notReady.map((d) => d.allocationId);
        if (waiting.length > 0) await sleep(500);
      }
    }
  };
  /**
   * The phones' queues: 50 steps a call (a volunteer's day; a call of 200 outlasted the gateway's 30 s upstream
   * timeout on a loaded CI machine), four calls at a time (each step is its own transaction in inventory, so the
   * calls overlap their commits). A step already applied answers `duplicate`; one that lost to a concurrent
   * change on the same lot answers `conflict` and is sent again (its clientOpId makes that safe).
   */
  const sync = async (label: string, operations: SyncOperation[]): Promise<void> => {
    let pending = operations;
    for (let round = 1; pending.length > 0; round += 1) {
      const batches = chunks(pending, 50);
      const refused: { op: SyncOperation; outcome: string; message?: string }[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(4, batches.length) }, async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          const { results } = (await api.expect<{ results: { outcome: string; message?: string }[] }>(
            'POST', '/inventory/deliveries/sync', { operations: batch })).body;
          results.forEach((r, i) => r.outcome !== 'applied' && r.outcome !== 'duplicate' && refused.push({ op: batch[i], ...r }));
        }
      }));
      const fatal = refused.filter((r) => r.outcome !== 'conflict' || !/concurrent/.test(r.message ?? '') || round >= 5);
      if (fatal.length > 0) throw new Error(`${label}: ${fatal.length} steps refused, e.g. ${fatal[0].outcome}: ${fatal[0].message ?? ''}`);
      pending = refused.map((r) => r.op);
    }
  };
  const confirmation = (allocationId: string, happenedAt: string, attempt = 1): SyncOperation => ({
    clientOpId: uuidFrom(`${allocationId}:confirm:${attempt}`), allocationId, action: 'confirm', happenedAt,
    receivedBy: 'Guardian (signed the sheet)', relationship: 'guardian',
  });
  const allocation = (id: string) => api.get<{ status: string; attempt: number }>(`/beneficiaries/allocations/${id}`);

  const playPlan = async (story: PlanStory): Promise<void> => {
    const campaignId = campaignIds.get(story.campaign)!;
    const draft = (await api.expect<Plan>('POST', '/beneficiaries/allocation-plans', {
      campaignId, name: story.name, warehouseCode: WAREHOUSE, lines: story.lines, criteria: story.criteria,
      maxBeneficiaries: story.beneficiaries, allocatedOn: story.allocatedOn,
    }, `demo:plan:${story.key}`)).body;
    if (draft.roster.length < story.beneficiaries) {
      throw new Error(`plan ${story.key}: only ${draft.roster.length} of ${story.beneficiaries} children qualify: seed the whole population (\`npm run seed\` without SEED_CHILDREN)`);
    }
    step(`${story.key}: plan for ${story.beneficiaries}`);
    await api.expect('POST', `/beneficiaries/allocation-plans/${draft.id}/commit`, undefined, `demo:plan:${story.key}:commit`);
    step(`${story.key}: committed`);

    // Every allocation reserved (or refused: a story that asks for more than was received is a bug in the story).
    const plan = await until(`plan ${story.key}'s reservations`, async () => {
      const now = await api.get<Plan>(`/beneficiaries/allocation-plans/${draft.id}`);
      return now.progress.requested === 0 && now;
    });
    const ids = plan.roster.flatMap((r) => (r.allocationId ? [r.allocationId] : []));
    if (ids.length !== story.beneficiaries || plan.progress.rejected > 0) {
      throw new Error(`plan ${story.key}: ${ids.length} allocations for ${story.beneficiaries} children, ${plan.progress.rejected} rejected (short of stock?)`);
    }
    plans.set(story.key, plan);
    step(`${story.key}: ${ids.length} reserved`);

    const days = spread(ids, story.days.length);
    const offline = days[0].slice(0, story.offlineFirstDay ?? 0);
    const failing = new Set(days[0].slice(days[0].length - (story.failing ?? 0)));
    // The vans leave each morning; the hand-overs of all the days are then synced from the volunteers' phones.
    const handOvers: SyncOperation[] = [];
    for (const [d, day] of story.days.entries()) {
      const van = days[d].filter((id) => !offline.includes(id));
      await dispatch(`${story.key}:${day}`, van, at(day, 0), `Volunteer team ${d + 1} (${story.key})`);
      handOvers.push(...van.map((id, k): SyncOperation => failing.has(id)
        ? { clientOpId: uuidFrom(`${id}:fail:1`), allocationId: id, action: 'fail', reason: 'not_home', happenedAt: at(day, 60 + k % 480) }
        : confirmation(id, at(day, 60 + k % 480))));
    }
    await sync(`${story.key}: hand-overs`, handOvers);
    if (offline.length > 0) {
      // A volunteer's phone had no signal on the first day: its queue (dispatch and hand-over) arrives three days later.
      const day = story.days[0];
      log(`${story.key}: a phone offline on ${day} syncs its ${offline.length} deliveries late`);
      await sync(`${story.key}: offline phone`, offline.flatMap((id, k) => [
        { clientOpId: uuidFrom(`${id}:dispatch:1`), allocationId: id, action: 'dispatch' as const, happenedAt: at(day, k), volunteer: 'Volunteer with the offline phone' },
        confirmation(id, at(day, 30 + k)),
      ]));
    }
    if (failing.size > 0) {
      // Nobody home the first time: retried (reserved anew), taken out again two days later, delivered.
      const again = [...failing];
      for (const id of again) {
        // Inventory's DeliveryFailed reaches beneficiaries a moment later; a later run finds it retried (attempt 2).
        const failed = await until(`${story.key}: delivery ${id} to be failed`, async () => {
          const a = await allocation(id);
          return (a.status === 'failed' || a.attempt >= 2) && a;
        });
        if (failed.status === 'failed') await api.expect('POST', `/beneficiaries/allocations/${id}/retry`);
      }
      await until(`${story.key}'s retried deliveries to be reserved`, async () =>
        (await Promise.all(again.map(allocation))).every((a) => a.attempt >= 2 && !['requested', 'failed'].includes(a.status)));
      const day = addDays(story.days[0], 2);
      log(`${story.key}: ${again.length} deliveries failed (nobody home) and are taken out again on ${day}`);
      await dispatch(`${story.key}:retry`, again, at(day, 0), `Volunteer team 1 (${story.key})`);
      await sync(`${story.key}: retried`, again.map((id, k) => confirmation(id, at(day, 120 + k), 2)));
    }
    step(`${story.key}: delivered`);
  };

  const playSingle = async (story: SingleAllocationStory): Promise<string> => {
    const beneficiaryId = 'institution' in story.beneficiary
      ? institutions.get(story.beneficiary.institution)
      : plans.get(story.beneficiary.rosterOf)?.roster[story.beneficiary.index]?.beneficiaryId;
    if (!beneficiaryId) throw new Error(`${story.key}: no beneficiary ${JSON.stringify(story.beneficiary)} (run \`npm run seed\` first)`);
    const allocation = (await api.expect<{ id: string }>('POST', '/beneficiaries/allocations', {
      beneficiaryId, campaignId: campaignIds.get(story.campaign), warehouseCode: WAREHOUSE, lines: story.lines, allocatedOn: story.allocatedOn,
    }, `demo:allocation:${story.key}`)).body;
    step(story.key);
    return allocation.id;
  };
  const playSingles = async (campaign: CampaignKey): Promise<void> => {
    const stories = SINGLE_ALLOCATIONS.filter((s) => s.campaign === campaign);
    const ids = await Promise.all(stories.map(playSingle));
    for (const day of [...new Set(stories.map((s) => s.deliveredOn))]) {
      const those = ids.filter((_, i) => stories[i].deliveredOn === day);
      await dispatch(`${campaign}:single:${day}`, those, at(day, 0), `Volunteer team (${campaign})`);
      await sync(`${campaign}:single:${day}`, those.map((id, k) => confirmation(id, at(day, 60 + k))));
    }
  };

  const playSponsorships = async (): Promise<void> => {
    const story = SPONSORSHIPS;
    for (const orphan of story.orphans) {
      const found = await api.get<{ items: { id: string; fullName: string; birthDate: string }[] }>(
        `/beneficiaries/children?search=${encodeURIComponent(orphan.fullName)}&districtCode=950`);
      const child = found.items.find((c) => c.fullName === orphan.fullName && c.birthDate === orphan.birthDate);
      if (!child) throw new Error(`orphan ${orphan.fullName} is not registered: run \`npm run seed\` first`);
      const sponsorship = (await api.expect<{ id: string; endMonth: string }>('POST', '/beneficiaries/sponsorships', {
        donorId: donorId(story.donor), childId: child.id, monthlyAmountVnd: story.monthlyAmountVnd, startMonth: story.startMonth,
        untilAge: 16, campaignId: campaignIds.get(story.campaign),
      }, `demo:sponsorship:${child.id}`)).body;
      const lastMonth = SPONSORED_ORPHANS.find((o) => o.fullName === orphan.fullName)?.lastSponsoredMonth;
      if (sponsorship.endMonth !== lastMonth) throw new Error(`${orphan.fullName}'s sponsorship ends ${sponsorship.endMonth}, the 16th-birthday rule says ${lastMonth}`);
      for (const { month, paidOn } of story.paid) {
        // 409: the month is paid in full already (a run that stopped before storing its answer).
        await api.expect('POST', `/beneficiaries/sponsorships/${sponsorship.id}/instalments`, { month, amountVnd: story.monthlyAmountVnd, paidOn },
          `demo:instalment:${sponsorship.id}:${month}`, [201, 409]);
      }
      step(`sponsorship: ${orphan.fullName} until ${sponsorship.endMonth}`);
    }
  };

  for (const key of campaignsInOrder) {
    const campaign = CAMPAIGNS.find((c) => c.key === key)!;
    const { key: _, ...body } = campaign;
    campaignIds.set(key, (await api.expect<{ id: string }>('POST', '/donors/campaigns', body, `demo:campaign:${key}`)).body.id);
    step(`campaign: ${campaign.name}`);

    for (const pledge of PLEDGES.filter((p) => p.campaign === key)) {
      const recorded = (await api.expect<{ id: string }>('POST', '/donors/pledges', {
        donorId: donorId(pledge.donor), campaignId: campaignIds.get(key), lines: pledge.lines, pledgedOn: pledge.pledgedOn,
      }, `demo:pledge:${pledge.key}`)).body;
      step(`pledge: ${pledge.key}`);
      await api.expect('POST', '/inventory/receipts', { pledgeId: recorded.id, warehouseCode: WAREHOUSE, receivedOn: pledge.receivedOn, lines: pledge.lines },
        `demo:receipt:${pledge.key}`);
      step(`receipt: ${pledge.key}`);
    }
    for (const plan of PLANS.filter((p) => p.campaign === key)) await playPlan(plan);
    await playSingles(key);
    if (SPONSORSHIPS.campaign === key) await playSponsorships();
  }

  // Reporting reads the topics: wait until it has caught up with everything above (or give up and show what it has).
  const summaryOf = (campaign?: CampaignKey) => api.get<SummaryAnswer & Record<string, unknown>>(
    `/reporting/reports/summary?from=${HALF_YEAR.from}&to=${HALF_YEAR.to}${campaign ? `&campaignId=${campaignIds.get(campaign)}` : ''}`);
  const read = async () => {
    const [all, monthOfAction, dialogue] = await Promise.all([summaryOf(), summaryOf('monthOfAction'), summaryOf('dialogue')]);
    return { all, figures: halfYearFigures(all, monthOfAction, dialogue) };
  };
  let latest = await read();
  const deadline = Date.now() + timeoutMs;
  while (differences(latest.figures).length > 0 && Date.now() < deadline) {
    await sleep(1_000);
    latest = await read();
  }
  // Figures equal: give any event still on its way a moment, then take the final reading.
  await until('reporting to catch up', async () => {
    const status = await api.get<{ lag: number }>('/reporting/reports/status');
    return status.lag === 0;
  }).catch(() => undefined);
  latest = await read();
  step('reporting caught up');
  const html = (await api.expect<string>('GET', `/reporting/reports/documents/half-year?year=2023&half=1&lang=vi`)).body;
  step('half-year report');
  return { figures: latest.figures, mismatches: differences(latest.figures), summary: latest.all, reportText: reportText(html), ms: Date.now() - started };
}
