import { ComponentType, useEffect } from 'react';
import { useLang, useT } from './i18n';
import { MessageKey } from './messages';
import { CampaignsPage } from './pages/CampaignsPage';
import { ChildrenPage } from './pages/ChildrenPage';
import { DashboardPage } from './pages/DashboardPage';
import { DonorsPage } from './pages/DonorsPage';
import { PlansPage } from './pages/PlansPage';
import { ReceivingPage } from './pages/ReceivingPage';
import { ReportsPage } from './pages/ReportsPage';
import { SignInPage } from './pages/SignInPage';
import { SponsorshipsPage } from './pages/SponsorshipsPage';
import { StockPage } from './pages/StockPage';
import { UsersPage } from './pages/UsersPage';
import { VolunteerPage } from './pages/VolunteerPage';
import { Link, navigate, usePath } from './router';
import { Role, useSession } from './session';

interface PageSpec { path: string; title: MessageKey; component: ComponentType; roles: Role[] }

const STAFF: Role[] = ['admin', 'fund_staff'];
/** Which role sees which page: the console's side of the gateway's role table (docs/security.md). */
export const PAGES: PageSpec[] = [
  { path: '/dashboard', title: 'nav.dashboard', component: DashboardPage, roles: [...STAFF, 'viewer'] },
  { path: '/donors', title: 'nav.donors', component: DonorsPage, roles: STAFF },
  { path: '/receiving', title: 'nav.receiving', component: ReceivingPage, roles: STAFF },
  { path: '/stock', title: 'nav.stock', component: StockPage, roles: [...STAFF, 'warehouse_volunteer'] },
  { path: '/children', title: 'nav.children', component: ChildrenPage, roles: STAFF },
  { path: '/campaigns', title: 'nav.campaigns', component: CampaignsPage, roles: STAFF },
  { path: '/plans', title: 'nav.plans', component: PlansPage, roles: STAFF },
  { path: '/sponsorships', title: 'nav.sponsorships', component: SponsorshipsPage, roles: STAFF },
  { path: '/reports', title: 'nav.reports', component: ReportsPage, roles: [...STAFF, 'viewer'] },
  { path: '/users', title: 'nav.users', component: UsersPage, roles: ['admin'] },
  { path: '/volunteer', title: 'nav.volunteer', component: VolunteerPage, roles: ['admin', 'warehouse_volunteer'] },
];

/** Where a role lands after signing in: a volunteer on the phone view, a viewer on the dashboard. */
export const homeOf = (role: Role): string => (role === 'warehouse_volunteer' ? '/volunteer' : '/dashboard');

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} lang={lang === 'vi' ? 'en' : 'vi'}>
      {t('lang.switch')}
    </button>
  );
}

export function App() {
  const { user, signOut } = useSession();
  const path = usePath();
  const t = useT();
  const page = PAGES.find((p) => p.path === path);

  useEffect(() => {
    if (user === null && path !== '/signin') navigate('/signin');
    if (user && (path === '/' || path === '/signin')) navigate(homeOf(user.role));
  }, [user, path]);
  useEffect(() => {
    document.title = `${page ? t(page.title) : t('signin.title')} · giftflow`;
  }, [page, t]);

  if (user === undefined) return <main><p role="status">{t('common.loading')}</p></main>;
  if (user === null) {
    return (
      <>
        <header className="top"><span className="brand">giftflow</span><LanguageSwitch /></header>
        <main id="main"><SignInPage /></main>
      </>
    );
  }
  const mine = PAGES.filter((p) => p.roles.includes(user.role));
  const allowed = page && page.roles.includes(user.role);
  const Component = page?.component;
  return (
    <>
      <a className="skip" href="#main">{t('common.skip')}</a>
      <header className="top">
        <span className="brand">giftflow</span>
        <span>{user.name} · {t(`role.${user.role}` as MessageKey)}</span>
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut()}>{t('common.signOut')}</button>
      </header>
      {mine.length > 1 && (
        <nav className="main" aria-label={t('nav.label')}>
          <ul>{mine.map((p) => <li key={p.path}><Link to={p.path} current={p.path === path}>{t(p.title)}</Link></li>)}</ul>
        </nav>
      )}
      <main id="main">
        {!page && path !== '/' && path !== '/signin' && <><h1>{t('common.notFound')}</h1><Link to={homeOf(user.role)}>{t('common.home')}</Link></>}
        {page && !allowed && (
          <><h1>{t('common.forbiddenTitle')}</h1><p role="alert" className="error">{t('error.forbidden')}</p><Link to={homeOf(user.role)}>{t('common.home')}</Link></>
        )}
        {allowed && Component && <Component />}
      </main>
    </>
  );
}
