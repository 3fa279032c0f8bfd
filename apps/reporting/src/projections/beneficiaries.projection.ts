import { BeneficiariesMergedV1, BeneficiaryRegisteredV1, BeneficiaryUpdatedV1, EventOf } from '@giftflow/contracts';
import { BENEFICIARY_MERGES, BENEFICIARY_VERSIONS, BeneficiaryVersion } from './fact-tables';
import { ProjectionTarget, insertFacts } from './projection-target';

type Change = EventOf<typeof BeneficiaryRegisteredV1> | EventOf<typeof BeneficiaryUpdatedV1>;

/**
 * A beneficiary's pseudonymous facts (district, commune, sex, birth month, circumstances), one full version per
 * event, so an as-of report reads them as they were then. A version ends (`superseded_at`) when the next one is
 * recorded. Events of one beneficiary share a partition, so they arrive in order; an older one arriving after a
 * newer one (never, but cheap to guard) and one already recorded change nothing.
 */
export async function recordBeneficiaryVersions(events: Change[], target: ProjectionTarget): Promise<void> {
  const { manager, generation } = target;
  const ids = [...new Set(events.map((e) => e.payload.beneficiaryId))];
  const known: { event_id: string }[] = await manager.query(
    'SELECT event_id FROM beneficiary_versions WHERE generation = $1 AND event_id = ANY($2::uuid[])', [generation, events.map((e) => e.id)]);
  const seen = new Set(known.map((r) => r.event_id));
  const rows: BeneficiaryVersion[] = await manager.query(
    `SELECT event_id, beneficiary_id, kind, district_code, commune_code, sex, birth_month, circumstances, institution_kind,
            to_json(occurred_at) #>> '{}' AS occurred_at
       FROM beneficiary_versions WHERE generation = $1 AND beneficiary_id = ANY($2::uuid[]) AND superseded_at IS NULL`, [generation, ids]);
  const current = new Map<string, BeneficiaryVersion>(rows.map((r) => [r.beneficiary_id, { ...r, generation, superseded_at: null }]));
  const stored = new Set(rows.map((r) => r.event_id));
  const ended: { event_id: string; superseded_at: string }[] = [];
  const added: BeneficiaryVersion[] = [];
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const id = event.payload.beneficiaryId;
    const before = current.get(id);
    if (before && Date.parse(before.occurred_at) > Date.parse(event.occurredAt)) continue;
    const next: BeneficiaryVersion = { ...versionAfter(before ?? null, event), generation, event_id: event.id, occurred_at: event.occurredAt };
    if (before) {
      before.superseded_at = event.occurredAt; // a version added by this run is written ended
      if (stored.has(before.event_id)) ended.push({ event_id: before.event_id, superseded_at: event.occurredAt });
    }
    added.push(next);
    current.set(id, next);
  }
  if (ended.length > 0) {
    await manager.query(
      `UPDATE beneficiary_versions v SET superseded_at = u.at FROM unnest($2::uuid[], $3::timestamptz[]) AS u(id, at)
        WHERE v.generation = $1 AND v.event_id = u.id`,
      [generation, ended.map((e) => e.event_id), ended.map((e) => e.superseded_at)]);
  }
  insertFacts(target, BENEFICIARY_VERSIONS, added);
}

function versionAfter(before: BeneficiaryVersion | null, event: Change): Omit<BeneficiaryVersion, 'generation' | 'event_id' | 'occurred_at'> {
  const p = event.payload;
  if (event.type === 'BeneficiaryRegistered') {
    const r = event.payload as EventOf<typeof BeneficiaryRegisteredV1>['payload'];
    return r.kind === 'child'
      ? { beneficiary_id: r.beneficiaryId, kind: 'child', district_code: r.districtCode, commune_code: r.communeCode, sex: r.sex,
          birth_month: r.birthMonth, circumstances: r.circumstances, institution_kind: null, superseded_at: null }
      : { beneficiary_id: r.beneficiaryId, kind: 'institution', district_code: r.districtCode, commune_code: null, sex: null, birth_month: null,
          circumstances: [], institution_kind: r.institutionKind, superseded_at: null };
  }
  const u = p as EventOf<typeof BeneficiaryUpdatedV1>['payload'];
  const base = before ?? {
    beneficiary_id: u.beneficiaryId, kind: 'child', district_code: null, commune_code: null, sex: null, birth_month: null, circumstances: [],
    institution_kind: null,
  };
  return {
    beneficiary_id: u.beneficiaryId, kind: base.kind, institution_kind: base.institution_kind, superseded_at: null,
    district_code: u.districtCode ?? base.district_code, commune_code: u.communeCode ?? base.commune_code, sex: u.sex ?? base.sex,
    birth_month: u.birthMonth ?? base.birth_month, circumstances: u.circumstances ?? base.circumstances,
  };
}

/** Two records were one child: reports count the merged-away record as the one it was merged into. */
export function recordMerge(event: EventOf<typeof BeneficiariesMergedV1>, target: ProjectionTarget): void {
  insertFacts(target, BENEFICIARY_MERGES, [{
    generation: target.generation, event_id: event.id, beneficiary_id: event.payload.beneficiaryId, into_id: event.payload.intoId,
    occurred_at: event.occurredAt,
  }]);
}
