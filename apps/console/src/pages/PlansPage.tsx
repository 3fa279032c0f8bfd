import { FormEvent, useEffect, useState } from 'react';
import { api, download } from '../api';
import { useT } from '../i18n';
import { MessageKey } from '../messages';
import { emptyLine, Line, LinesEditor, linesBody } from '../lines-editor';
import { campaignOptions, CIRCUMSTANCES, DISTRICT_OPTIONS, useCampaigns, useItems, useWarehouses, warehouseOptions } from '../reference';
import { Checks, ErrorMessage, Notice, Section, SelectField, shortId, Table, TextField, useAction } from '../ui';

interface RosterEntry { beneficiaryId: string; beneficiaryKind: 'child' | 'institution'; rank: number; needScore: number; reasons: string[]; giftsLast12Months: number; allocationId: string | null; status: string | null }
interface Plan {
  id: string; status: 'draft' | 'committed'; roster: RosterEntry[]; excluded: Array<{ beneficiaryId: string; reason: string }>;
  stock: Array<{ itemCode: string; available: number | null; needed: number }>; willReceive: number; willWait: number;
  progress: Record<'requested' | 'confirmed' | 'rejected' | 'dispatched' | 'delivered' | 'failed' | 'cancelled', number>;
}
const SHOWN = 100;

/** The names of the roster's first entries (children and institutions), for staff to read the ranking. */
async function namesOf(roster: RosterEntry[]): Promise<Record<string, string>> {
  const pairs = await Promise.all(roster.slice(0, SHOWN).map(async (r) => {
    const path = r.beneficiaryKind === 'child' ? `/beneficiaries/children/${r.beneficiaryId}` : `/beneficiaries/institutions/${r.beneficiaryId}`;
    const found = await api<{ fullName?: string; name?: string }>(path).catch(() => undefined);
    return [r.beneficiaryId, found?.fullName ?? found?.name ?? shortId(r.beneficiaryId)] as const;
  }));
  return Object.fromEntries(pairs);
}

export function PlansPage() {
  const t = useT();
  const campaigns = useCampaigns('open');
  const warehouses = useWarehouses();
  const items = useItems();
  const [form, setForm] = useState({ campaignId: '', warehouseCode: '', name: '', ageMin: '', ageMax: '', maxBeneficiaries: '' });
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [districtCodes, setDistrictCodes] = useState<string[]>([]);
  const [circumstancesAny, setCircumstancesAny] = useState<string[]>([]);
  const [includeInstitutions, setIncludeInstitutions] = useState(false);
  const [plan, setPlan] = useState<Plan>();
  const [names, setNames] = useState<Record<string, string>>({});
  const action = useAction();
  useEffect(() => {
    if (plan) void namesOf(plan.roster).then(setNames);
  }, [plan?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const preview = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const criteria = {
        ...(districtCodes.length ? { districtCodes } : {}), ...(circumstancesAny.length ? { circumstancesAny } : {}),
        ...(form.ageMin ? { ageMin: Number(form.ageMin) } : {}), ...(form.ageMax ? { ageMax: Number(form.ageMax) } : {}),
        ...(includeInstitutions ? { includeInstitutions } : {}),
      };
      setPlan(await api<Plan>('/beneficiaries/allocation-plans', {
        method: 'POST', idempotencyKey: crypto.randomUUID(),
        body: {
          campaignId: form.campaignId, warehouseCode: form.warehouseCode, lines: linesBody(lines), criteria,
          ...(form.name ? { name: form.name } : {}), ...(form.maxBeneficiaries ? { maxBeneficiaries: Number(form.maxBeneficiaries) } : {}),
        },
      }));
    });
  };
  const commit = () => void action.run(async () => {
    const committed = await api<Plan>(`/beneficiaries/allocation-plans/${plan!.id}/commit`, { method: 'POST', idempotencyKey: `commit-${plan!.id}` });
    setPlan(committed);
    return t('plans.committed', { n: committed.roster.filter((r) => r.allocationId).length });
  });
  const refresh = () => void action.run(async () => { setPlan(await api<Plan>(`/beneficiaries/allocation-plans/${plan!.id}`)); });
  const roster = (format: 'csv' | 'pdf') => void action.run(() => download(`/beneficiaries/allocation-plans/${plan!.id}/roster?format=${format}`, `roster-${shortId(plan!.id)}.${format}`));

  return (
    <>
      <h1>{t('nav.plans')}</h1>
      <Section title={t('plans.criteria')}>
        <form onSubmit={preview} aria-label={t('plans.criteria')}>
          <div className="grid">
            <SelectField label={t('common.campaign')} value={form.campaignId} onChange={(v) => setForm({ ...form, campaignId: v })} options={campaignOptions(campaigns.data)} empty={t('common.choose')} required />
            <SelectField label={t('common.warehouse')} value={form.warehouseCode} onChange={(v) => setForm({ ...form, warehouseCode: v })} options={warehouseOptions(warehouses.data)} empty={t('common.choose')} required />
            <TextField label={t('plans.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} />
            <TextField label={t('campaigns.ageMin')} type="number" min={0} value={form.ageMin} onChange={(v) => setForm({ ...form, ageMin: v })} />
            <TextField label={t('campaigns.ageMax')} type="number" min={0} value={form.ageMax} onChange={(v) => setForm({ ...form, ageMax: v })} />
            <TextField label={t('plans.max')} type="number" min={1} value={form.maxBeneficiaries} onChange={(v) => setForm({ ...form, maxBeneficiaries: v })} />
          </div>
          <LinesEditor legend={t('plans.perBeneficiary')} items={items.data} lines={lines} onChange={setLines} />
          <Checks legend={t('campaigns.districts')} options={DISTRICT_OPTIONS} value={districtCodes} onChange={setDistrictCodes} />
          <Checks legend={t('campaigns.circumstances')} options={CIRCUMSTANCES.map((c) => ({ value: c, label: t(`circumstance.${c}`) }))} value={circumstancesAny} onChange={setCircumstancesAny} />
          <p><label><input type="checkbox" checked={includeInstitutions} onChange={(e) => setIncludeInstitutions(e.target.checked)} /> {t('plans.includeInstitutions')}</label></p>
          <p><button type="submit" disabled={action.busy}>{t('plans.preview')}</button></p>
        </form>
      </Section>
      <ErrorMessage error={action.error ?? campaigns.error} />
      <Notice>{action.done}</Notice>
      {plan && (
        <Section title={plan.status === 'draft' ? t('plans.draft') : t('plans.committedTitle')}>
          <p>{t('plans.summary', { receive: plan.willReceive, wait: plan.willWait, excluded: plan.excluded.length })}</p>
          <Table caption={t('plans.stock')} rows={plan.stock} rowKey={(s) => s.itemCode}
            columns={[{ header: t('common.item'), cell: (s) => s.itemCode }, { header: t('stock.available'), cell: (s) => s.available ?? '—', numeric: true }, { header: t('plans.needed'), cell: (s) => s.needed, numeric: true }]} />
          <div className="row" style={{ margin: '12px 0' }}>
            {plan.status === 'draft' && <button type="button" onClick={commit} disabled={action.busy}>{t('plans.commit')}</button>}
            {plan.status === 'committed' && <button type="button" onClick={refresh} disabled={action.busy}>{t('plans.refreshProgress')}</button>}
            <button type="button" className="secondary" onClick={() => roster('csv')}>{t('plans.rosterCsv')}</button>
            <button type="button" className="secondary" onClick={() => roster('pdf')}>{t('plans.rosterPdf')}</button>
          </div>
          {plan.status === 'committed' && (
            <dl className="stats" aria-label={t('plans.progress')}>
              {(Object.keys(plan.progress) as Array<keyof Plan['progress']>).map((k) => (
                <div className="stat" key={k}><dt className="label">{t(`allocationStatus.${k}`)}</dt><dd className="value" style={{ margin: 0 }}>{plan.progress[k]}</dd></div>
              ))}
            </dl>
          )}
          <Table caption={t('plans.roster')} rows={plan.roster.slice(0, SHOWN)} rowKey={(r) => r.beneficiaryId}
            columns={[
              { header: t('plans.rank'), cell: (r) => r.rank, numeric: true },
              { header: t('plans.beneficiary'), cell: (r) => names[r.beneficiaryId] ?? shortId(r.beneficiaryId) },
              { header: t('plans.needScore'), cell: (r) => r.needScore, numeric: true },
              { header: t('plans.reasons'), cell: (r) => r.reasons.join(', ') },
              { header: t('plans.giftsLast12'), cell: (r) => r.giftsLast12Months, numeric: true },
              { header: t('common.status'), cell: (r) => (r.status ? t(`allocationStatus.${r.status}` as MessageKey) : '—') },
            ]} />
        </Section>
      )}
    </>
  );
}
