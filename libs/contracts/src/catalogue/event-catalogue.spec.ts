import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventCatalogue } from './event-catalogue';

describe('docs/events.md', () => {
  it('matches the contracts (run `npm run docs:events` after changing a schema)', () => {
    const file = readFileSync(path.join(__dirname, '../../../../docs/events.md'), 'utf8');
    expect(file).toBe(renderEventCatalogue());
  });

  it('documents every field of a contract, nested ones by path', () => {
    const text = renderEventCatalogue();
    expect(text).toContain('### PledgeRecorded v1');
    expect(text).toContain('| `lines[].quantity` | integer > 0 | yes |');
    expect(text).toContain('| `campaignId` | uuid \\| null | yes |');
  });
});
