import { FormEvent, useState } from 'react';
import { api, Page, query } from '../api';
import { useLang, useT } from '../i18n';
import { MessageKey } from '../messages';
import { emptyLine, Line, LinesEditor, linesBody } from '../lines-editor';
import { campaignOptions, useCampaigns, useItems } from '../reference';
import { ErrorMessage, formatNumber, Notice, Section, SelectField, shortId, Table, TextField, useAction, useLoad, useRegistration } from '../ui';

export interface Donor { id: string; name: string; kind: string; phone: string | null; email: string | null; taxCode: string | null }
export interface Pledge {
  id: string; donorId: string; campaignId: string | null; status: string; pledgedOn: string; expectedOn: string | null; walkIn: boolean;
  lines: Array<{ itemCode: string; unitValueVnd: number; pledged: number; received: number; delivered: number }>;
}
interface Trace {
  pledgeId: string; pledgedQty: number; receivedQty: number; inStockQty: number; reservedQty: number; deliveredQty: number; returnedQty: number;
  delivered: Array<{ districtCode: string; category: string; quantity: number }>;
}
const KINDS = ['individual', 'business', 'organization', 'government', 'military', 'religious'];

function RegisterDonor({ onRegistered }: { onRegistered: (d: Donor) => void }) {
  const t = useT();
  const [form, setForm] = useState({ name: '', kind: 'individual', phone: '', email: '' });
  const { register, busy, feedback } = useRegistration(async (confirmNotDuplicate) => {
    const donor = await api<Donor>('/donors/donors', {
      method: 'POST', body: { name: form.name, kind: form.kind, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}), ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}) },
    });
    onRegistered(donor);
    return t('donors.registered', { name: donor.name });
  });
  return (
    <form className="grid" onSubmit={(e: FormEvent) => { e.preventDefault(); register(false); }} aria-label={t('donors.register')}>
      <TextField label={t('donors.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} required />
      <SelectField label={t('donors.kind')} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`donorKind.${k}` as MessageKey) }))} />
      <TextField label={t('donors.phone')} value={form.phone} onChange={(v) => setForm({ ...form, phone: v })} />
      <TextField label={t('donors.email')} type="email" value={form.email} onChange={(v) => setForm({ ...form, email: v })} />
      <button type="submit" disabled={busy}>{t('donors.register')}</button>
      {feedback}
    </form>
  );
}

function RecordPledge({ donor, onRecorded }: { donor: Donor; onRecorded: () => void }) {
  const t = useT();
  const items = useItems();
  const campaigns = useCampaigns('open');
  const [campaignId, setCampaignId] = useState('');
  const [expectedOn, setExpectedOn] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  // One key per pledge being typed: a double click or a retry after a timeout records it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const pledge = await api<Pledge>('/donors/pledges', {
        method: 'POST', idempotencyKey: key,
        body: { donorId: donor.id, ...(campaignId ? { campaignId } : {}), ...(expectedOn ? { expectedOn } : {}), lines: linesBody(lines) },
      });
      setKey(crypto.randomUUID());
      setLines([emptyLine()]);
      onRecorded();
      return t('pledges.recorded', { id: shortId(pledge.id) });
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('pledges.record')}>
      <div className="grid">
        <SelectField label={t('common.campaign')} value={campaignId} onChange={setCampaignId} options={campaignOptions(campaigns.data)} empty={t('common.noCampaign')} />
        <TextField label={t('pledges.expectedOn')} type="date" value={expectedOn} onChange={setExpectedOn} />
      </div>
      <LinesEditor legend={t('pledges.lines')} items={items.data} lines={lines} onChange={setLines} withValue />
      <p><button type="submit" disabled={action.busy}>{t('pledges.record')}</button></p>
      <ErrorMessage error={action.error ?? items.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

function PledgeTrace({ pledgeId }: { pledgeId: string }) {
  const t = useT();
  const { lang } = useLang();
  const { data, error } = useLoad(() => api<Trace>(`/reporting/reports/pledges/${pledgeId}/trace`), [pledgeId]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const figures = ['pledgedQty', 'receivedQty', 'inStockQty', 'reservedQty', 'deliveredQty', 'returnedQty'] as const;
  return (
    <div aria-label={t('pledges.trace')} role="region">
      <h3>{t('pledges.traceOf', { id: shortId(pledgeId) })}</h3>
      <dl className="stats">
        {figures.map((f) => <div className="stat" key={f}><dt className="label">{t(`trace.${f}`)}</dt><dd className="value" style={{ margin: 0 }}>{formatNumber(data[f], lang)}</dd></div>)}
      </dl>
      <Table caption={t('trace.delivered')} rows={data.delivered} rowKey={(r) => r.districtCode + r.category}
        columns={[{ header: t('common.district'), cell: (r) => r.districtCode }, { header: t('common.category'), cell: (r) => r.category }, { header: t('common.quantity'), cell: (r) => r.quantity, numeric: true }]} />
    </div>
  );
}

export function PledgesOf({ donor }: { donor: Donor }) {
  const t = useT();
  const [traced, setTraced] = useState<string>();
  const pledges = useLoad(() => api<Page<Pledge>>(`/donors/pledges${query({ donorId: donor.id, pageSize: 50 })}`), [donor.id]);
  return (
    <>
      <Section title={t('pledges.recordFor', { name: donor.name })}>
        <RecordPledge donor={donor} onRecorded={pledges.reload} />
      </Section>
      <Section title={t('pledges.of', { name: donor.name })}>
        <ErrorMessage error={pledges.error} />
        <Table caption={t('pledges.of', { name: donor.name })} rows={pledges.data?.items ?? []} rowKey={(p) => p.id}
          columns={[
            { header: t('common.id'), cell: (p) => shortId(p.id) },
            { header: t('pledges.pledgedOn'), cell: (p) => p.pledgedOn },
            { header: t('common.status'), cell: (p) => t(`pledgeStatus.${p.status}` as MessageKey) },
            { header: t('pledges.lines'), cell: (p) => p.lines.map((l) => `${l.itemCode}: ${l.received}/${l.pledged}`).join(', ') },
            { header: t('pledges.trace'), cell: (p) => <button type="button" className="secondary" onClick={() => setTraced(p.id)} aria-label={t('pledges.traceOf', { id: shortId(p.id) })}>{t('pledges.trace')}</button> },
          ]} />
        {traced && <PledgeTrace pledgeId={traced} />}
      </Section>
    </>
  );
}

export function DonorsPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Donor>();
  const donors = useLoad(() => api<Page<Donor>>(`/donors/donors${query({ search, pageSize: 20 })}`), [search]);
  return (
    <>
      <h1>{t('nav.donors')}</h1>
      <Section title={t('donors.search')}>
        <div className="grid"><TextField label={t('donors.searchLabel')} type="search" value={search} onChange={setSearch} /></div>
        <ErrorMessage error={donors.error} />
        <Table caption={t('donors.list')} rows={donors.data?.items ?? []} rowKey={(d) => d.id}
          columns={[
            { header: t('donors.name'), cell: (d) => d.name },
            { header: t('donors.kind'), cell: (d) => t(`donorKind.${d.kind}` as MessageKey) },
            { header: t('donors.phone'), cell: (d) => d.phone ?? '—' },
            { header: t('common.actions'), cell: (d) => <button type="button" className="secondary" onClick={() => setSelected(d)} aria-label={t('donors.open', { name: d.name })}>{t('common.open')}</button> },
          ]} />
      </Section>
      <Section title={t('donors.register')}>
        <RegisterDonor onRegistered={(d) => { setSelected(d); donors.reload(); }} />
      </Section>
      {selected && <PledgesOf donor={selected} />}
    </>
  );
}
