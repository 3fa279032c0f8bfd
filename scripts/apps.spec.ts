// launchApp / waitHealthy / stop against a stand-in app (a few lines of plain Node), so the process handling
// that `npm start` and the e2e tests rely on is checked without building the real apps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppSpec, launchApp, linePrefix, RunningApp, waitHealthy } from './apps';

const dir = mkdtempSync(path.join(os.tmpdir(), 'giftflow-apps-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in app: GET /health answers `healthStatus`; on SIGTERM it says so and exits 0, unless told to hang on. */
function standIn(name: string, { healthStatus = 200, ignoreSigterm = false } = {}): AppSpec {
  const entry = path.join(dir, `${name}.js`);
  writeFileSync(entry, `
    const http = require('node:http');
    const server = http.createServer((req, res) => {
      res.writeHead(${healthStatus}, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ${healthStatus} === 200 ? 'ok' : 'degraded' }));
    });
    server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));
    process.on('SIGTERM', () => {
      console.log('got SIGTERM');
      if (!${ignoreSigterm}) server.close(() => process.exit(0));
    });`);
  return { name: 'donors', port: 0, entry };
}

let nextPort = 23_100 + Number(process.env.JEST_WORKER_ID ?? 0) * 10;
const started: RunningApp[] = [];
const launch = (spec: AppSpec) => {
  const app = launchApp(spec, {}, { port: nextPort++, output: 'quiet' });
  started.push(app);
  return app;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.stop(1_000)));
});

it('pads every prefix to the longest app name', () => {
  expect(linePrefix('donors')).toBe('[donors       ] ');
  expect(linePrefix('beneficiaries')).toBe('[beneficiaries] ');
});

it('starts an app on its port, sees it healthy, and stops it with SIGTERM', async () => {
  const app = launch(standIn('healthy'));

  await waitHealthy(app.url, 10_000);
  const exit = await app.stop();

  expect(exit).toEqual({ code: 0, signal: null });
  expect(app.recentOutput()).toEqual([`listening on ${app.port}`, 'got SIGTERM']);
});

it('kills an app that does not exit within the grace period', async () => {
  const app = launch(standIn('stubborn', { ignoreSigterm: true }));
  await waitHealthy(app.url, 10_000);

  const exit = await app.stop(300);

  expect(exit.signal).toBe('SIGKILL');
});

it('gives up on an app whose /health never says ok, with its last answer', async () => {
  const app = launch(standIn('degraded', { healthStatus: 503 }));

  await expect(waitHealthy(app.url, 3_000)).rejects.toThrow(/not ok after 3000 ms \(last: HTTP 503/);
}, 15_000);

it('refuses to launch an app that has not been built', () => {
  expect(() => launchApp({ name: 'donors', port: 0, entry: 'dist/nowhere/main.js' })).toThrow(/npm run build/);
});
