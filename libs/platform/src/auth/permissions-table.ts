import { OPEN_ROUTES, PERMISSIONS } from './permissions';
import { ROLES } from './roles';

export const TABLE_START = '<!-- permissions table: generated from libs/platform/src/auth/permissions.ts by `npm run docs:security` -->';
export const TABLE_END = '<!-- end of permissions table -->';

/** The permissions table as docs/security.md prints it: one row per route, ✓ per role allowed. */
export function renderPermissionsTable(): string {
  const header = `| app | route | ${ROLES.join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const open = OPEN_ROUTES.map((route) => `| every app | \`${route}\` | ${ROLES.map(() => 'open').join(' | ')} |`);
  const rows = Object.entries(PERMISSIONS).flatMap(([app, routes]) =>
    Object.entries(routes).map(([route, roles]) => `| ${app} | \`${route}\` | ${ROLES.map((r) => (roles.includes(r) ? '✓' : '')).join(' | ')} |`));
  return [TABLE_START, header, rule, ...open, ...rows, TABLE_END].join('\n');
}

/** docs/security.md with its table replaced by the current one. */
export function withPermissionsTable(document: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/security.md has no permissions table markers');
  return document.slice(0, start) + renderPermissionsTable() + document.slice(end + TABLE_END.length);
}
