import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { MessageKey } from '../messages';
import { Campaign, CIRCUMSTANCES, DISTRICT_OPTIONS, districtName, useCampaigns } from '../reference';
import { Checks, ErrorMessage, fundToday, Notice, Section, SelectField, Table, TextField, useAction, useLoad } from '../ui';

interface CampaignReport {
  targets: Array<{ category: string; unit: string; target: number; requested: number; committed: number; dispatched: number; delivered: number }>;
  byDistrict: Array<{ districtCode: string; requested: number; committed: number; dispatched: number; delivered: number }>;
  childrenReached: number;
}
const KINDS = ['lunar_new_year', 'month_of_action', 'mid_autumn', 'dialogue', 'festival', 'scholarship_drive', 'sponsorship_programme', 'health_screening', 'other'];

function OpenCampaign({ onOpened }: { onOpened: () => void }) {
  const t = useT();
  const today = fundToday();
  const [form, setForm] = useState({ name: '', kind: '', startsOn: today, endsOn: today, ageMin: '', ageMax: '', targetCategory: '', targetQuantity: '' });
  const [districtCodes, setDistrictCodes] = useState<string[]>([]);
  const [circumstancesAny, setCircumstancesAny] = useState<string[]>([]);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const eligibility = {
        ...(circumstancesAny.length ? { circumstancesAny } : {}), ...(form.ageMin ? { ageMin: Number(form.ageMin) } : {}), ...(form.ageMax ? { ageMax: Number(form.ageMax) } : {}),
      };
      await api('/donors/campaigns', {
        method: 'POST', idempotencyKey: crypto.randomUUID(),
        body: {
          name: form.name, startsOn: form.startsOn, endsOn: form.endsOn, ...(form.kind ? { kind: form.kind } : {}),
          ...(districtCodes.length ? { districtCodes } : {}), ...(Object.keys(eligibility).length ? { eligibility } : {}),
          ...(form.targetCategory && form.targetQuantity ? { targets: [{ category: form.targetCategory, quantity: Number(form.targetQuantity) }] } : {}),
        },
      });
      onOpened();
      return t('campaigns.opened', { name: form.name });
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('campaigns.open')}>
      <div className="grid">
        <TextField label={t('campaigns.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} required />
        <SelectField label={t('campaigns.kind')} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`campaignKind.${k}` as MessageKey) }))} empty={t('common.default')} />
        <TextField label={t('campaigns.startsOn')} type="date" value={form.startsOn} onChange={(v) => setForm({ ...form, startsOn: v })} required />
        <TextField label={t('campaigns.endsOn')} type="date" value={form.endsOn} onChange={(v) => setForm({ ...form, endsOn: v })} required />
        <TextField label={t('campaigns.ageMin')} type="number" min={0} value={form.ageMin} onChange={(v) => setForm({ ...form, ageMin: v })} />
        <TextField label={t('campaigns.ageMax')} type="number" min={0} value={form.ageMax} onChange={(v) => setForm({ ...form, ageMax: v })} />
        <TextField label={t('campaigns.targetCategory')} value={form.targetCategory} onChange={(v) => setForm({ ...form, targetCategory: v })} placeholder="bicycles" />
        <TextField label={t('campaigns.targetQuantity')} type="number" min={1} value={form.targetQuantity} onChange={(v) => setForm({ ...form, targetQuantity: v })} />
      </div>
      <Checks legend={t('campaigns.districts')} options={DISTRICT_OPTIONS} value={districtCodes} onChange={setDistrictCodes} />
      <Checks legend={t('campaigns.circumstances')} options={CIRCUMSTANCES.map((c) => ({ value: c, label: t(`circumstance.${c}`) }))} value={circumstancesAny} onChange={setCircumstancesAny} />
      <p><button type="submit" disabled={action.busy}>{t('campaigns.open')}</button></p>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

function Progress({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const report = useLoad(() => api<CampaignReport>(`/reporting/reports/campaigns/${campaign.id}`), [campaign.id]);
  const figures = ['requested', 'committed', 'dispatched', 'delivered'] as const;
  return (
    <Section title={t('campaigns.progressOf', { name: campaign.name })}>
      {report.error ? <p className="muted">{t('campaigns.noActivity')}</p> : null}
      {report.data && (
        <>
          <Table caption={t('campaigns.targets')} rows={report.data.targets} rowKey={(r) => r.category}
            columns={[{ header: t('common.category'), cell: (r) => r.category }, { header: t('campaigns.target'), cell: (r) => r.target, numeric: true }, ...figures.map((f) => ({ header: t(`progress.${f}`), cell: (r: CampaignReport['targets'][number]) => r[f], numeric: true }))]} />
          <Table caption={t('common.byDistrict')} rows={report.data.byDistrict} rowKey={(r) => r.districtCode}
            columns={[{ header: t('common.district'), cell: (r) => districtName(r.districtCode) }, ...figures.map((f) => ({ header: t(`progress.${f}`), cell: (r: CampaignReport['byDistrict'][number]) => r[f], numeric: true }))]} />
        </>
      )}
    </Section>
  );
}

export function CampaignsPage() {
  const t = useT();
  const campaigns = useCampaigns('all');
  const [selected, setSelected] = useState<Campaign>();
  const action = useAction();
  const close = (c: Campaign) => void action.run(async () => {
    await api(`/donors/campaigns/${c.id}/close`, { method: 'POST' });
    campaigns.reload();
    return t('campaigns.closed', { name: c.name });
  });
  return (
    <>
      <h1>{t('nav.campaigns')}</h1>
      <Section title={t('campaigns.list')}>
        <ErrorMessage error={campaigns.error ?? action.error} />
        <Notice>{action.done}</Notice>
        <Table caption={t('campaigns.list')} rows={campaigns.data ?? []} rowKey={(c) => c.id}
          columns={[
            { header: t('campaigns.name'), cell: (c) => c.name },
            { header: t('campaigns.dates'), cell: (c) => `${c.startsOn} – ${c.endsOn}` },
            { header: t('common.status'), cell: (c) => t(`campaignStatus.${c.status}`) },
            { header: t('campaigns.targets'), cell: (c) => c.targets.map((x) => `${x.category}: ${x.quantity}`).join(', ') || '—' },
            {
              header: t('common.actions'), cell: (c) => (
                <div className="row">
                  <button type="button" className="secondary" onClick={() => setSelected(c)} aria-label={t('campaigns.progressOf', { name: c.name })}>{t('campaigns.progress')}</button>
                  {c.status === 'open' && <button type="button" className="secondary" onClick={() => close(c)} aria-label={t('campaigns.closeOf', { name: c.name })}>{t('campaigns.close')}</button>}
                </div>
              ),
            },
          ]} />
      </Section>
      {selected && <Progress campaign={selected} />}
      <Section title={t('campaigns.open')}><OpenCampaign onOpened={campaigns.reload} /></Section>
    </>
  );
}
