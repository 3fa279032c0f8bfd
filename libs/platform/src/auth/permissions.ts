import { Role } from './roles';

/** Routes anyone may call without a token (besides /docs, /docs-json and the console's files, which are not Nest routes). */
export const OPEN_ROUTES = ['GET /health', 'GET /health/live', 'GET /metrics', 'POST /api/auth/login'] as const;

const ADMIN: Role[] = ['admin'];
const STAFF: Role[] = ['admin', 'fund_staff'];
/** Staff and the volunteers; a volunteer only for the warehouses they work for (the handler checks). */
const FIELD: Role[] = ['admin', 'fund_staff', 'warehouse_volunteer'];
const REPORTS: Role[] = ['admin', 'fund_staff', 'viewer'];
const EVERYONE: Role[] = ['admin', 'fund_staff', 'warehouse_volunteer', 'viewer'];

export type AppName = 'gateway' | 'donors' | 'inventory' | 'beneficiaries' | 'reporting';

/**
 * Who may call which route, per app: `METHOD /path` (as OpenAPI spells it) → the roles allowed. The one table
 * (docs/security.md prints it; permissions.int-spec walks every route of every app with every role against it).
 * A route missing here is refused to everyone (403), so a new route is closed until it is listed.
 */
export const PERMISSIONS: Record<AppName, Record<string, Role[]>> = {
  gateway: {
    'GET /api/auth/me': EVERYONE,
    'POST /api/auth/logout': EVERYONE,
    'GET /api/auth/users': ADMIN,
    'POST /api/auth/users': ADMIN,
    'PATCH /api/auth/users/{id}': ADMIN,
    'POST /api/auth/users/{id}/password': ADMIN,
  },
  donors: {
    'GET /donors': STAFF,
    'GET /donors/{id}': STAFF,
    'POST /donors': STAFF,
    'PATCH /donors/{id}': STAFF,
    'GET /campaigns': STAFF,
    'GET /campaigns/{id}': STAFF,
    'POST /campaigns': STAFF,
    'POST /campaigns/{id}/close': STAFF,
    'GET /pledges': STAFF,
    'GET /pledges/{id}': STAFF,
    'POST /pledges': STAFF,
    'PATCH /pledges/{id}': STAFF,
    'POST /pledges/{id}/cancel': STAFF,
    'POST /pledges/{id}/close': STAFF,
  },
  inventory: {
    'GET /items': FIELD,
    'GET /items/{code}': FIELD,
    'POST /items': STAFF,
    'GET /warehouses': FIELD,
    'POST /warehouses': STAFF,
    'POST /receipts': FIELD,
    'GET /lots': FIELD,
    'GET /stock': FIELD,
    'GET /stock/movements': STAFF,
    'GET /stock/reconcile': STAFF,
    'POST /adjustments': STAFF,
    'POST /transfers': STAFF,
    'GET /transfers/{id}': STAFF,
    'POST /transfers/{id}/receive': STAFF,
    'POST /stock-takes': STAFF,
    'GET /stock-takes/{id}': STAFF,
    'POST /stock-takes/{id}/counts': STAFF,
    'POST /stock-takes/{id}/close': STAFF,
    'GET /deliveries': FIELD,
    'GET /deliveries/{allocationId}': FIELD,
    'POST /deliveries/{allocationId}/dispatch': FIELD,
    'POST /deliveries/{allocationId}/confirm': FIELD,
    'POST /deliveries/{allocationId}/fail': FIELD,
    'POST /deliveries/sync': FIELD,
    'POST /dispatch-runs': FIELD,
    'GET /dispatch-runs/{id}': FIELD,
    'POST /returns': STAFF,
  },
  beneficiaries: {
    'GET /children': STAFF,
    'GET /children/{id}': FIELD, // a volunteer gets only what a delivery needs (name, commune, guardian)
    'POST /children': STAFF,
    'PATCH /children/{id}': STAFF,
    'POST /children/{id}/merge': STAFF,
    'GET /institutions': STAFF,
    'GET /institutions/{id}': STAFF,
    'POST /institutions': STAFF,
    'GET /allocations': STAFF,
    'GET /allocations/{id}': STAFF,
    'POST /allocations': STAFF,
    'POST /allocations/{id}/cancel': STAFF,
    'POST /allocations/{id}/retry': STAFF,
    'POST /allocation-plans': STAFF,
    'GET /allocation-plans/{id}': STAFF,
    'GET /allocation-plans/{id}/roster': STAFF,
    'POST /allocation-plans/{id}/commit': STAFF,
    'GET /sponsorships': STAFF,
    'GET /sponsorships/{id}': STAFF,
    'POST /sponsorships': STAFF,
    'POST /sponsorships/{id}/instalments': STAFF,
    'POST /sponsorships/{id}/cancel': STAFF,
  },
  reporting: {
    'GET /reports/summary': REPORTS,
    'GET /reports/monthly': REPORTS,
    'GET /reports/campaigns/{id}': REPORTS,
    'GET /reports/donors/{id}/statement': REPORTS,
    'GET /reports/sponsorships': REPORTS,
    'GET /reports/documents/half-year': REPORTS,
    'GET /reports/pledges/{id}/trace': REPORTS,
    'GET /reports/status': REPORTS,
    'GET /admin/rebuild': ADMIN,
    'POST /admin/rebuild': ADMIN,
    'POST /admin/rebuild/accept': ADMIN,
  },
};

/** The roles allowed on a route of an app, or null when the route is not in the table (refused to everyone). */
export function rolesAllowed(app: AppName, route: string): readonly Role[] | null {
  return PERMISSIONS[app][route] ?? null;
}
