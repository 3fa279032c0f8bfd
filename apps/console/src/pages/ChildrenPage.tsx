import { FormEvent, useState } from 'react';
import { api, Page, query } from '../api';
import { useT } from '../i18n';
import { MessageKey } from '../messages';
import { CIRCUMSTANCES, communeName, communeOptions, DISTRICT_OPTIONS, districtName } from '../reference';
import { Checks, ErrorMessage, Notice, Section, SelectField, Table, TextField, useAction, useLoad, useRegistration } from '../ui';

export interface Child {
  id: string; fullName: string; birthDate: string; sex: 'female' | 'male'; districtCode: string; communeCode: string; circumstances: string[];
  guardianName: string | null; guardianPhone: string | null;
}
interface Institution { id: string; name: string; kind: string; districtCode: string; residents: number }
interface Allocation { id: string; status: string; campaignId: string | null; allocatedOn: string; lines: Array<{ itemCode: string; quantity: number }> }
interface Sponsorship { id: string; status: string; monthlyAmountVnd: number; startMonth: string; endMonth: string; paidVnd: number; arrearsVnd: number }

function RegisterChild({ onRegistered }: { onRegistered: (c: Child) => void }) {
  const t = useT();
  const blank = { fullName: '', birthDate: '', sex: 'female', districtCode: '', communeCode: '', guardianName: '', guardianPhone: '' };
  const [form, setForm] = useState(blank);
  const [circumstances, setCircumstances] = useState<string[]>([]);
  const { register, busy, feedback } = useRegistration(async (confirmNotDuplicate) => {
    const child = await api<Child>('/beneficiaries/children', {
      method: 'POST', idempotencyKey: crypto.randomUUID(),
      body: {
        fullName: form.fullName, birthDate: form.birthDate, sex: form.sex, districtCode: form.districtCode, communeCode: form.communeCode, circumstances,
        ...(form.guardianName ? { guardianName: form.guardianName } : {}), ...(form.guardianPhone ? { guardianPhone: form.guardianPhone } : {}),
        ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}),
      },
    });
    setForm(blank);
    setCircumstances([]);
    onRegistered(child);
    return t('children.registered', { name: child.fullName });
  });
  return (
    <form onSubmit={(e: FormEvent) => { e.preventDefault(); register(false); }} aria-label={t('children.register')}>
      <div className="grid">
        <TextField label={t('children.fullName')} value={form.fullName} onChange={(v) => setForm({ ...form, fullName: v })} required />
        <TextField label={t('children.birthDate')} type="date" value={form.birthDate} onChange={(v) => setForm({ ...form, birthDate: v })} required />
        <SelectField label={t('children.sex')} value={form.sex} onChange={(v) => setForm({ ...form, sex: v })} options={[{ value: 'female', label: t('sex.female') }, { value: 'male', label: t('sex.male') }]} />
        <SelectField label={t('common.district')} value={form.districtCode} onChange={(v) => setForm({ ...form, districtCode: v, communeCode: '' })} options={DISTRICT_OPTIONS} empty={t('common.choose')} required />
        <SelectField label={t('common.commune')} value={form.communeCode} onChange={(v) => setForm({ ...form, communeCode: v })} options={communeOptions(form.districtCode)} empty={t('common.choose')} required />
        <TextField label={t('children.guardianName')} value={form.guardianName} onChange={(v) => setForm({ ...form, guardianName: v })} />
        <TextField label={t('children.guardianPhone')} type="tel" value={form.guardianPhone} onChange={(v) => setForm({ ...form, guardianPhone: v })} />
      </div>
      <Checks legend={t('children.circumstances')} value={circumstances} onChange={setCircumstances} options={CIRCUMSTANCES.map((c) => ({ value: c, label: t(`circumstance.${c}`) }))} />
      <p><button type="submit" disabled={busy}>{t('children.register')}</button></p>
      {feedback}
    </form>
  );
}

function ChildDetail({ child }: { child: Child }) {
  const t = useT();
  const allocations = useLoad(() => api<Page<Allocation>>(`/beneficiaries/allocations${query({ beneficiaryId: child.id, pageSize: 100 })}`), [child.id]);
  const sponsorships = useLoad(() => api<Page<Sponsorship>>(`/beneficiaries/sponsorships${query({ childId: child.id, pageSize: 100 })}`), [child.id]);
  return (
    <Section title={t('children.detail', { name: child.fullName })}>
      <p>{child.birthDate} · {t(`sex.${child.sex}`)} · {communeName(child.communeCode)}, {districtName(child.districtCode)} · {child.circumstances.map((c) => t(`circumstance.${c}` as MessageKey)).join(', ')}</p>
      <h3>{t('children.allocations')}</h3>
      <ErrorMessage error={allocations.error} />
      <Table caption={t('children.allocations')} rows={allocations.data?.items ?? []} rowKey={(a) => a.id}
        columns={[{ header: t('common.date'), cell: (a) => a.allocatedOn }, { header: t('common.status'), cell: (a) => t(`allocationStatus.${a.status}` as MessageKey) }, { header: t('pledges.lines'), cell: (a) => a.lines.map((l) => `${l.itemCode} × ${l.quantity}`).join(', ') }]} />
      <h3>{t('nav.sponsorships')}</h3>
      <ErrorMessage error={sponsorships.error} />
      <Table caption={t('nav.sponsorships')} rows={sponsorships.data?.items ?? []} rowKey={(s) => s.id}
        columns={[{ header: t('sponsorships.monthly'), cell: (s) => s.monthlyAmountVnd, numeric: true }, { header: t('sponsorships.months'), cell: (s) => `${s.startMonth} – ${s.endMonth}` }, { header: t('common.status'), cell: (s) => t(`sponsorshipStatus.${s.status}` as MessageKey) }, { header: t('sponsorships.arrears'), cell: (s) => s.arrearsVnd, numeric: true }]} />
    </Section>
  );
}

function Institutions() {
  const t = useT();
  const [districtCode, setDistrictCode] = useState('');
  const list = useLoad(() => api<Page<Institution>>(`/beneficiaries/institutions${query({ districtCode, pageSize: 100 })}`), [districtCode]);
  const [form, setForm] = useState({ name: '', kind: 'orphanage', districtCode: '', residents: '10' });
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('/beneficiaries/institutions', { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { ...form, residents: Number(form.residents) } });
      list.reload();
      return t('institutions.registered', { name: form.name });
    });
  };
  const kinds = ['orphanage', 'social_protection_centre', 'special_school', 'other'];
  return (
    <Section title={t('institutions.title')}>
      <div className="grid"><SelectField label={t('common.district')} value={districtCode} onChange={setDistrictCode} options={DISTRICT_OPTIONS} empty={t('common.all')} /></div>
      <Table caption={t('institutions.title')} rows={list.data?.items ?? []} rowKey={(i) => i.id}
        columns={[{ header: t('donors.name'), cell: (i) => i.name }, { header: t('donors.kind'), cell: (i) => t(`institutionKind.${i.kind}` as MessageKey) }, { header: t('common.district'), cell: (i) => districtName(i.districtCode) }, { header: t('institutions.residents'), cell: (i) => i.residents, numeric: true }]} />
      <h3>{t('institutions.register')}</h3>
      <form className="grid" onSubmit={submit} aria-label={t('institutions.register')}>
        <TextField label={t('donors.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} required />
        <SelectField label={t('donors.kind')} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} options={kinds.map((k) => ({ value: k, label: t(`institutionKind.${k}` as MessageKey) }))} />
        <SelectField label={t('common.district')} value={form.districtCode} onChange={(v) => setForm({ ...form, districtCode: v })} options={DISTRICT_OPTIONS} empty={t('common.choose')} required />
        <TextField label={t('institutions.residents')} type="number" min={1} value={form.residents} onChange={(v) => setForm({ ...form, residents: v })} required />
        <button type="submit" disabled={action.busy}>{t('institutions.register')}</button>
      </form>
      <ErrorMessage error={action.error ?? list.error} />
      <Notice>{action.done}</Notice>
    </Section>
  );
}

export function ChildrenPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const [selected, setSelected] = useState<Child>();
  const children = useLoad(() => api<Page<Child>>(`/beneficiaries/children${query({ search, districtCode, pageSize: 20 })}`), [search, districtCode]);
  return (
    <>
      <h1>{t('nav.children')}</h1>
      <Section title={t('children.search')}>
        <div className="grid">
          <TextField label={t('children.searchLabel')} type="search" value={search} onChange={setSearch} />
          <SelectField label={t('common.district')} value={districtCode} onChange={setDistrictCode} options={DISTRICT_OPTIONS} empty={t('common.all')} />
        </div>
        <ErrorMessage error={children.error} />
        <p className="muted">{t('common.total', { n: children.data?.total ?? 0 })}</p>
        <Table caption={t('children.list')} rows={children.data?.items ?? []} rowKey={(c) => c.id}
          columns={[
            { header: t('children.fullName'), cell: (c) => c.fullName },
            { header: t('children.birthDate'), cell: (c) => c.birthDate },
            { header: t('common.commune'), cell: (c) => communeName(c.communeCode) },
            { header: t('common.actions'), cell: (c) => <button type="button" className="secondary" onClick={() => setSelected(c)} aria-label={t('children.open', { name: c.fullName })}>{t('common.open')}</button> },
          ]} />
      </Section>
      {selected && <ChildDetail child={selected} />}
      <Section title={t('children.register')}><RegisterChild onRegistered={(c) => { setSelected(c); children.reload(); }} /></Section>
      <Institutions />
    </>
  );
}
