import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withPermissionsTable } from './permissions-table';

describe('docs/security.md', () => {
  it('prints the permissions table the code enforces (npm run docs:security rewrites it)', () => {
    const document = readFileSync(path.join(__dirname, '../../../../docs/security.md'), 'utf8');
    expect(document).toBe(withPermissionsTable(document));
  });
});
