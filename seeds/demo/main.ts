// `npm run demo`: plays January–June 2023 into a running system (`npm start`, then `npm run seed`; GATEWAY_URL,
// default http://127.0.0.1:3000), prints the half-year report and its key figures, and exits 1 when a figure differs
// from the provincial report's. Safe to run again: a second run changes nothing. Progress goes to stderr.
import { gatewayUrlFromEnv } from '../api-client';
import { figureLines } from './report-figures';
import { runDemo } from './run-demo';

const BAR = 30;
const started = Date.now();

function progressLine(done: number, total: number, step: string): void {
  const filled = Math.round((BAR * done) / total);
  const line = `[demo] [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.round((100 * done) / total)).padStart(3)}% ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s  ${step}`;
  // A terminal gets one line redrawn in place; a log gets a line per step.
  if (process.stderr.isTTY) process.stderr.write(`\r${line.slice(0, (process.stderr.columns ?? 100) - 1).padEnd((process.stderr.columns ?? 100) - 1)}`);
  else process.stderr.write(`${line}\n`);
}

async function main(): Promise<number> {
  const gatewayUrl = gatewayUrlFromEnv();
  console.error(`[demo] playing January–June 2023 into ${gatewayUrl}`);
  const result = await runDemo({
    gatewayUrl,
    progress: progressLine,
    log: (line) => process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}[demo] ${line}\n`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`\n${result.reportText}`);
  console.log('Key figures, 2023-01-01 to 2023-06-30 (GET /api/reporting/reports/summary):');
  for (const line of figureLines(result.figures)) console.log(line);
  const other = result.summary.byCategory
    .filter((c) => !['gifts', 'scholarships', 'bicycles', 'heart_screening', 'heart_surgery_support'].includes(c.category) && c.deliveredQty > 0)
    .map((c) => `${c.category} ${c.deliveredQty.toLocaleString('en-US')}`);
  console.log(`  other goods and services delivered: ${other.join(', ')}`);
  console.log(`\n[demo] ${(result.ms / 1000).toFixed(1)} s`);
  if (result.mismatches.length > 0) {
    console.error(`[demo] the figures differ from the report's:\n  ${result.mismatches.join('\n  ')}`);
    return 1;
  }
  console.log('[demo] every figure is the report\'s');
  return 0;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`\n[demo] failed: ${error.message}`);
  process.exit(1);
});
