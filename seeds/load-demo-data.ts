// `npm run seed`: loads the demo's reference data and fictional children (seeds/seed.ts) into a running system
// (`npm start`, or GATEWAY_URL) through the gateway. Safe to run again: a second run creates nothing and says so.
// SEED_CHILDREN=200 loads only the first 200 children of the population (default: all 1,800).
import { gatewayUrlFromEnv } from './api-client';
import { childrenCountFromEnv } from './population';
import { runSeed, summaryLines } from './seed';

const log = (line: string) => console.log(`[seed] ${line}`);

async function main(): Promise<void> {
  const gatewayUrl = gatewayUrlFromEnv();
  const children = childrenCountFromEnv();
  log(`loading into ${gatewayUrl}: catalogue, warehouses, donors, institutions, ${children} children`);
  const summary = await runSeed({ gatewayUrl, children, log });
  for (const line of summaryLines(summary)) log(line);
}

main().catch((error: Error) => {
  console.error(`[seed] failed: ${error.message}`);
  process.exit(1);
});
