// `npm run docs:events`: rewrites docs/events.md from the contracts in libs/contracts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventCatalogue } from '../libs/contracts/src/catalogue/event-catalogue';
import { ROOT } from './apps';

mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
writeFileSync(path.join(ROOT, 'docs', 'events.md'), renderEventCatalogue());
console.log('wrote docs/events.md');
