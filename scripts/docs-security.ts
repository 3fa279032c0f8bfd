// `npm run docs:security`: rewrites the permissions table in docs/security.md from libs/platform/src/auth/permissions.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withPermissionsTable } from '../libs/platform/src/auth/permissions-table';
import { ROOT } from './apps';

const file = path.join(ROOT, 'docs', 'security.md');
writeFileSync(file, withPermissionsTable(readFileSync(file, 'utf8')));
console.log('wrote the permissions table of docs/security.md');
