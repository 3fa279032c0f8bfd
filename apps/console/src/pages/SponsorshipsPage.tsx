import { FormEvent, useState } from 'react';
import { api, Page, query } from '../api';
import { useLang, useT } from '../i18n';
import { MessageKey } from '../messages';
import { districtName } from '../reference';
import { ErrorMessage, formatNumber, fundToday, Notice, Section, SelectField, shortId, Table, TextField, useAction, useLoad } from '../ui';
import { Child } from './ChildrenPage';
import { Donor } from './DonorsPage';

interface Sponsorship {
  id: string; status: string; donorId: string; childId: string; districtCode: string; monthlyAmountVnd: number; startMonth: string; endMonth: string;
  paidVnd: number; arrearsVnd: number; months?: Array<{ month: string; dueVnd: number; paidVnd: number; paidOn: string | null }>;
}

function Enrol({ onEnrolled }: { onEnrolled: () => void }) {
  const t = useT();
  const [donorSearch, setDonorSearch] = useState('');
  const [childSearch, setChildSearch] = useState('');
  const donors = useLoad(() => api<Page<Donor>>(`/donors/donors${query({ search: donorSearch, pageSize: 50 })}`), [donorSearch]);
  const children = useLoad(() => api<Page<Child>>(`/beneficiaries/children${query({ search: childSearch, pageSize: 50 })}`), [childSearch]);
  const [form, setForm] = useState({ donorId: '', childId: '', monthlyAmountVnd: '500000', startMonth: fundToday().slice(0, 7) });
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('/beneficiaries/sponsorships', { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { ...form, monthlyAmountVnd: Number(form.monthlyAmountVnd) } });
      onEnrolled();
      return t('sponsorships.enrolled');
    });
  };
  return (
    <form className="grid" onSubmit={submit} aria-label={t('sponsorships.enrol')}>
      <TextField label={t('donors.searchLabel')} type="search" value={donorSearch} onChange={setDonorSearch} />
      <SelectField label={t('common.donor')} value={form.donorId} onChange={(v) => setForm({ ...form, donorId: v })} required empty={t('common.choose')} options={(donors.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      <TextField label={t('children.searchLabel')} type="search" value={childSearch} onChange={setChildSearch} />
      <SelectField label={t('sponsorships.child')} value={form.childId} onChange={(v) => setForm({ ...form, childId: v })} required empty={t('common.choose')} options={(children.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.fullName} (${c.birthDate})` }))} />
      <TextField label={t('sponsorships.monthly')} type="number" min={1} value={form.monthlyAmountVnd} onChange={(v) => setForm({ ...form, monthlyAmountVnd: v })} required />
      <TextField label={t('sponsorships.startMonth')} type="month" value={form.startMonth} onChange={(v) => setForm({ ...form, startMonth: v })} required />
      <button type="submit" disabled={action.busy}>{t('sponsorships.enrol')}</button>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

function Detail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const sponsorship = useLoad(() => api<Sponsorship>(`/beneficiaries/sponsorships/${id}`), [id]);
  const [pay, setPay] = useState({ month: '', amountVnd: '', paidOn: fundToday() });
  const [reason, setReason] = useState('');
  const action = useAction();
  const record = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/beneficiaries/sponsorships/${id}/instalments`, { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { month: pay.month, amountVnd: Number(pay.amountVnd), paidOn: pay.paidOn } });
      sponsorship.reload();
      onChanged();
      return t('sponsorships.paid');
    });
  };
  const cancel = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/beneficiaries/sponsorships/${id}/cancel`, { method: 'POST', body: { reason } });
      sponsorship.reload();
      onChanged();
      return t('sponsorships.cancelled');
    });
  };
  const s = sponsorship.data;
  return (
    <Section title={t('sponsorships.detail', { id: shortId(id) })}>
      <ErrorMessage error={sponsorship.error ?? action.error} />
      <Notice>{action.done}</Notice>
      {s && (
        <>
          <p>{t('sponsorships.line', { monthly: formatNumber(s.monthlyAmountVnd, lang), paid: formatNumber(s.paidVnd, lang), arrears: formatNumber(s.arrearsVnd, lang) })}</p>
          <Table caption={t('sponsorships.months')} rows={s.months ?? []} rowKey={(m) => m.month}
            columns={[{ header: t('sponsorships.month'), cell: (m) => m.month }, { header: t('sponsorships.due'), cell: (m) => formatNumber(m.dueVnd, lang), numeric: true }, { header: t('sponsorships.paidCol'), cell: (m) => formatNumber(m.paidVnd, lang), numeric: true }, { header: t('sponsorships.paidOn'), cell: (m) => m.paidOn ?? '—' }]} />
          {s.status === 'active' && (
            <>
              <h3>{t('sponsorships.recordInstalment')}</h3>
              <form className="grid" onSubmit={record} aria-label={t('sponsorships.recordInstalment')}>
                <SelectField label={t('sponsorships.month')} value={pay.month} onChange={(v) => setPay({ ...pay, month: v, amountVnd: String((s.months ?? []).find((m) => m.month === v)?.dueVnd ?? '') })} required empty={t('common.choose')}
                  options={(s.months ?? []).filter((m) => m.paidVnd < m.dueVnd).map((m) => ({ value: m.month, label: m.month }))} />
                <TextField label={t('sponsorships.amount')} type="number" min={1} value={pay.amountVnd} onChange={(v) => setPay({ ...pay, amountVnd: v })} required />
                <TextField label={t('sponsorships.paidOn')} type="date" value={pay.paidOn} onChange={(v) => setPay({ ...pay, paidOn: v })} required />
                <button type="submit" disabled={action.busy}>{t('sponsorships.recordInstalment')}</button>
              </form>
              <form className="grid" onSubmit={cancel} aria-label={t('sponsorships.cancel')}>
                <TextField label={t('sponsorships.cancelReason')} value={reason} onChange={setReason} required />
                <button type="submit" className="secondary" disabled={action.busy}>{t('sponsorships.cancel')}</button>
              </form>
            </>
          )}
        </>
      )}
    </Section>
  );
}

export function SponsorshipsPage() {
  const t = useT();
  const { lang } = useLang();
  const [arrears, setArrears] = useState(false);
  const [selected, setSelected] = useState<string>();
  const list = useLoad(() => api<Page<Sponsorship>>(`/beneficiaries/sponsorships${query({ arrears: arrears || undefined, pageSize: 100 })}`), [arrears]);
  return (
    <>
      <h1>{t('nav.sponsorships')}</h1>
      <Section title={t('sponsorships.list')}>
        <p><label><input type="checkbox" checked={arrears} onChange={(e) => setArrears(e.target.checked)} /> {t('sponsorships.onlyArrears')}</label></p>
        <ErrorMessage error={list.error} />
        <Table caption={t('sponsorships.list')} rows={list.data?.items ?? []} rowKey={(s) => s.id}
          columns={[
            { header: t('common.id'), cell: (s) => shortId(s.id) },
            { header: t('common.district'), cell: (s) => districtName(s.districtCode) },
            { header: t('sponsorships.monthly'), cell: (s) => formatNumber(s.monthlyAmountVnd, lang), numeric: true },
            { header: t('sponsorships.months'), cell: (s) => `${s.startMonth} – ${s.endMonth}` },
            { header: t('common.status'), cell: (s) => t(`sponsorshipStatus.${s.status}` as MessageKey) },
            { header: t('sponsorships.arrears'), cell: (s) => formatNumber(s.arrearsVnd, lang), numeric: true },
            { header: t('common.actions'), cell: (s) => <button type="button" className="secondary" onClick={() => setSelected(s.id)} aria-label={t('sponsorships.detail', { id: shortId(s.id) })}>{t('common.open')}</button> },
          ]} />
      </Section>
      {selected && <Detail id={selected} onChanged={list.reload} />}
      <Section title={t('sponsorships.enrol')}><Enrol onEnrolled={list.reload} /></Section>
    </>
  );
}
