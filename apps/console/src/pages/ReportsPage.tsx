import { FormEvent, useState } from 'react';
import { api, ApiError, download, Page, query } from '../api';
import { useLang, useT } from '../i18n';
import { Campaign, campaignOptions, DISTRICT_OPTIONS, districtName } from '../reference';
import { useUser } from '../session';
import { ErrorMessage, formatNumber, fundToday, Option, Section, SelectField, Table, TextField, useAction, useLoad } from '../ui';
import { periodsOf } from './DashboardPage';
import { Donor } from './DonorsPage';

type Row = Record<string, number | string | null>;
interface Summary { totals: Row; byCategory: Row[]; byDistrict: Row[]; byCampaign: Row[] }
interface Statement { totals: Row; pledges: Row[]; byDistrict: Row[] }
const FIGURES = ['pledgedQty', 'receivedQty', 'allocatedQty', 'deliveredQty', 'deliveredValueVnd', 'childrenReached', 'institutionsReached'] as const;

/**
 * The campaigns to report on: the donors service's list for staff; a viewer (reports only) may not read it, so
 * for them the campaigns the reports have seen in the last year or so (the summary's byCampaign).
 */
function useReportCampaigns() {
  return useLoad(async (): Promise<Option[]> => {
    try {
      return campaignOptions((await api<Page<Campaign>>('/donors/campaigns?status=all&pageSize=200')).items);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403)) throw error;
      const today = fundToday();
      const seen = await api<Summary>(`/reporting/reports/summary${query({ from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today })}`);
      return seen.byCampaign.map((c) => ({ value: String(c.campaignId), label: String(c.name ?? c.campaignId) }));
    }
  }, []);
}

function Downloads({ path, name }: { path: string; name: string }) {
  const t = useT();
  const action = useAction();
  const get = (format: 'csv' | 'xlsx') => void action.run(() => download(`${path}${path.includes('?') ? '&' : '?'}format=${format}`, `${name}.${format}`));
  return (
    <div className="row">
      <button type="button" className="secondary" onClick={() => get('csv')}>{t('reports.csv', { name })}</button>
      <button type="button" className="secondary" onClick={() => get('xlsx')}>{t('reports.xlsx', { name })}</button>
      <ErrorMessage error={action.error} />
    </div>
  );
}

function FigureTable({ caption, rows, label, labelHeader }: { caption: string; rows: Row[]; label: (r: Row) => string; labelHeader: string }) {
  const t = useT();
  const { lang } = useLang();
  const present = FIGURES.filter((f) => rows.some((r) => f in r));
  return (
    <Table caption={caption} rows={rows} rowKey={label}
      columns={[{ header: labelHeader, cell: label }, ...present.map((f) => ({ header: t(`figure.${f}`), cell: (r: Row) => formatNumber(r[f] as number, lang), numeric: true }))]} />
  );
}

function SummaryReport() {
  const t = useT();
  const campaigns = useReportCampaigns();
  const half = periodsOf(fundToday()).half;
  const [filters, setFilters] = useState({ from: half.from, to: half.to, campaignId: '', districtCode: '' });
  const [summary, setSummary] = useState<Summary>();
  const action = useAction();
  const path = `/reporting/reports/summary${query(filters)}`;
  const show = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => { setSummary(await api<Summary>(path)); });
  };
  return (
    <Section title={t('reports.summary')}>
      <form className="grid" onSubmit={show} aria-label={t('reports.summary')}>
        <TextField label={t('reports.from')} type="date" value={filters.from} onChange={(v) => setFilters({ ...filters, from: v })} required />
        <TextField label={t('reports.to')} type="date" value={filters.to} onChange={(v) => setFilters({ ...filters, to: v })} required />
        <SelectField label={t('common.campaign')} value={filters.campaignId} onChange={(v) => setFilters({ ...filters, campaignId: v })} options={campaigns.data ?? []} empty={t('common.all')} />
        <SelectField label={t('common.district')} value={filters.districtCode} onChange={(v) => setFilters({ ...filters, districtCode: v })} options={DISTRICT_OPTIONS} empty={t('common.all')} />
        <button type="submit" disabled={action.busy}>{t('reports.show')}</button>
      </form>
      <ErrorMessage error={action.error} />
      {summary && (
        <>
          <Downloads path={path} name="summary" />
          <FigureTable caption={t('reports.totals')} rows={[{ ...summary.totals, label: t('reports.totals') }]} label={(r) => String(r.label)} labelHeader={t('reports.totals')} />
          <FigureTable caption={t('common.byCategory')} rows={summary.byCategory} label={(r) => String(r.category)} labelHeader={t('common.category')} />
          <FigureTable caption={t('common.byDistrict')} rows={summary.byDistrict} label={(r) => districtName(String(r.districtCode))} labelHeader={t('common.district')} />
          <FigureTable caption={t('reports.byCampaign')} rows={summary.byCampaign} label={(r) => String(r.name ?? r.campaignId)} labelHeader={t('common.campaign')} />
        </>
      )}
    </Section>
  );
}

function CampaignReport() {
  const t = useT();
  const campaigns = useReportCampaigns();
  const [campaignId, setCampaignId] = useState('');
  const [report, setReport] = useState<{ targets: Row[]; byDistrict: Row[] }>();
  const action = useAction();
  const path = `/reporting/reports/campaigns/${campaignId}`;
  const show = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => { setReport(await api(path)); });
  };
  const figures = ['requested', 'committed', 'dispatched', 'delivered'] as const;
  return (
    <Section title={t('reports.campaign')}>
      <form className="grid" onSubmit={show} aria-label={t('reports.campaign')}>
        <SelectField label={t('common.campaign')} value={campaignId} onChange={setCampaignId} options={campaigns.data ?? []} empty={t('common.choose')} required />
        <button type="submit" disabled={action.busy}>{t('reports.show')}</button>
      </form>
      <ErrorMessage error={action.error} />
      {report && (
        <>
          <Downloads path={path} name="campaign" />
          <Table caption={t('campaigns.targets')} rows={report.targets} rowKey={(r) => String(r.category)}
            columns={[{ header: t('common.category'), cell: (r) => r.category }, { header: t('campaigns.target'), cell: (r) => r.target, numeric: true }, ...figures.map((f) => ({ header: t(`progress.${f}`), cell: (r: Row) => r[f], numeric: true }))]} />
          <Table caption={t('common.byDistrict')} rows={report.byDistrict} rowKey={(r) => String(r.districtCode)}
            columns={[{ header: t('common.district'), cell: (r) => districtName(String(r.districtCode)) }, ...figures.map((f) => ({ header: t(`progress.${f}`), cell: (r: Row) => r[f], numeric: true }))]} />
        </>
      )}
    </Section>
  );
}

function DonorStatement() {
  const t = useT();
  const half = periodsOf(fundToday()).half;
  const [search, setSearch] = useState('');
  const [form, setForm] = useState({ donorId: '', from: half.from, to: half.to });
  const [donors, setDonors] = useState<Donor[]>([]);
  const [statement, setStatement] = useState<Statement>();
  const action = useAction();
  const path = `/reporting/reports/donors/${form.donorId}/statement${query({ from: form.from, to: form.to })}`;
  const find = (v: string) => {
    setSearch(v);
    void api<Page<Donor>>(`/donors/donors${query({ search: v, pageSize: 50 })}`).then((p) => setDonors(p.items), () => setDonors([]));
  };
  const show = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => { setStatement(await api<Statement>(path)); });
  };
  return (
    <Section title={t('reports.statement')}>
      <form className="grid" onSubmit={show} aria-label={t('reports.statement')}>
        <TextField label={t('donors.searchLabel')} type="search" value={search} onChange={find} />
        <SelectField label={t('common.donor')} value={form.donorId} onChange={(v) => setForm({ ...form, donorId: v })} options={donors.map((d) => ({ value: d.id, label: d.name }))} empty={t('common.choose')} required />
        <TextField label={t('reports.from')} type="date" value={form.from} onChange={(v) => setForm({ ...form, from: v })} required />
        <TextField label={t('reports.to')} type="date" value={form.to} onChange={(v) => setForm({ ...form, to: v })} required />
        <button type="submit" disabled={action.busy}>{t('reports.show')}</button>
      </form>
      <ErrorMessage error={action.error} />
      {statement && (
        <>
          <FigureTable caption={t('reports.totals')} rows={[{ ...statement.totals, label: t('reports.totals') }]} label={(r) => String(r.label)} labelHeader={t('reports.totals')} />
          <FigureTable caption={t('reports.pledges')} rows={statement.pledges} label={(r) => `${r.pledgedOn} · ${String(r.pledgeId).slice(0, 8)}`} labelHeader={t('receiving.pledge')} />
        </>
      )}
    </Section>
  );
}

function HalfYearDocument() {
  const t = useT();
  const { lang } = useLang();
  const periods = periodsOf(fundToday());
  const [form, setForm] = useState({ year: String(periods.year), half: String(periods.halfNumber), lang: lang as string });
  const action = useAction();
  const get = (format: 'html' | 'pdf') => void action.run(() =>
    download(`/reporting/reports/documents/half-year${query({ ...form, format })}`, `bao-cao-${form.year}-${form.half}.${format}`));
  return (
    <Section title={t('reports.halfYear')}>
      <div className="grid">
        <TextField label={t('reports.year')} type="number" min={1900} value={form.year} onChange={(v) => setForm({ ...form, year: v })} />
        <SelectField label={t('reports.half')} value={form.half} onChange={(v) => setForm({ ...form, half: v })} options={[{ value: '1', label: t('reports.half1') }, { value: '2', label: t('reports.half2') }]} />
        <SelectField label={t('reports.language')} value={form.lang} onChange={(v) => setForm({ ...form, lang: v })} options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]} />
        <button type="button" onClick={() => get('html')} disabled={action.busy}>{t('reports.downloadHtml')}</button>
        <button type="button" onClick={() => get('pdf')} disabled={action.busy}>{t('reports.downloadPdf')}</button>
      </div>
      <ErrorMessage error={action.error} />
    </Section>
  );
}

export function ReportsPage() {
  const t = useT();
  const user = useUser();
  return (
    <>
      <h1>{t('nav.reports')}</h1>
      <SummaryReport />
      <CampaignReport />
      {user.role !== 'viewer' && <DonorStatement />}
      <HalfYearDocument />
    </>
  );
}
