import { api } from '../api';
import { BarChart, LineChart } from '../charts';
import { useLang, useT } from '../i18n';
import { districtName } from '../reference';
import { ErrorMessage, formatNumber, fundToday, useLoad } from '../ui';

interface Figures { deliveredQty: number; childrenReached: number; institutionsReached: number }
interface Summary {
  totals: Figures & { sponsorships: { active: number; childrenSponsored: number } };
  byCategory: Array<Figures & { category: string }>;
  byDistrict: Array<Figures & { districtCode: string }>;
}
interface Monthly { month: string; totals: Figures }

/** The half-year (Jan–Jun or Jul–Dec) and the month that contain `today`, and the months of the half-year so far. */
export function periodsOf(today: string) {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const firstMonth = month <= 6 ? 1 : 7;
  const months = Array.from({ length: month - firstMonth + 1 }, (_, i) => `${year}-${String(firstMonth + i).padStart(2, '0')}`);
  return { half: { from: `${months[0]}-01`, to: today }, month: { from: `${today.slice(0, 7)}-01`, to: today }, months, halfNumber: firstMonth === 1 ? 1 : 2, year };
}

function Stats({ title, summary }: { title: string; summary: Summary }) {
  const t = useT();
  const { lang } = useLang();
  const stats = [
    { key: 'dashboard.gifts', value: summary.totals.deliveredQty },
    { key: 'dashboard.children', value: summary.totals.childrenReached },
    { key: 'dashboard.institutions', value: summary.totals.institutionsReached },
    { key: 'dashboard.sponsorships', value: summary.totals.sponsorships.active },
  ] as const;
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <dl className="stats">
        {stats.map((s) => (
          <div className="stat" key={s.key}>
            <dt className="label">{t(s.key)}</dt>
            <dd className="value" style={{ margin: 0 }}>{formatNumber(s.value, lang)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function DashboardPage() {
  const t = useT();
  const periods = periodsOf(fundToday());
  const summary = (p: { from: string; to: string }) => api<Summary>(`/reporting/reports/summary?from=${p.from}&to=${p.to}`);
  const { data, error, reload, loading } = useLoad(async () => {
    const [half, month, monthly] = await Promise.all([
      summary(periods.half),
      summary(periods.month),
      Promise.all(periods.months.map((m) => api<Monthly>(`/reporting/reports/monthly?month=${m}`))),
    ]);
    return { half, month, monthly };
  }, []);
  return (
    <>
      <h1>{t('nav.dashboard')}</h1>
      <div className="row" style={{ marginBottom: 12 }}>
        <button type="button" onClick={reload} disabled={loading}>{t('common.refresh')}</button>
      </div>
      <ErrorMessage error={error} />
      {data && (
        <>
          <Stats title={t('dashboard.half', { half: periods.halfNumber, year: periods.year })} summary={data.half} />
          <Stats title={t('dashboard.month', { month: periods.month.from.slice(0, 7) })} summary={data.month} />
          <div className="charts">
            <BarChart title={t('dashboard.byDistrict')} valueHeader={t('dashboard.gifts')}
              data={data.half.byDistrict.map((d) => ({ label: districtName(d.districtCode), value: d.deliveredQty }))} />
            <BarChart title={t('dashboard.byCategory')} valueHeader={t('dashboard.gifts')}
              data={data.half.byCategory.map((c) => ({ label: c.category, value: c.deliveredQty }))} />
            <LineChart title={t('dashboard.byMonth')} valueHeader={t('dashboard.gifts')}
              data={data.monthly.map((m) => ({ label: m.month.slice(5), value: m.totals.deliveredQty }))} />
          </div>
        </>
      )}
    </>
  );
}
