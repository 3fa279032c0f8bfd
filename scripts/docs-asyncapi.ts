// `npm run docs:asyncapi`: rewrites docs/asyncapi.yaml from the contracts in libs/contracts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiOfTheContracts } from './asyncapi-document';
import { ROOT } from './apps';

writeFileSync(path.join(ROOT, 'docs', 'asyncapi.yaml'), asyncApiOfTheContracts());
console.log('wrote docs/asyncapi.yaml');
