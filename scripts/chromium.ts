// The browser the console's tests drive: Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH overrides).
// Installed with apt-get when missing, once, by `npm test` (scripts/test.ts) and by the browser tests themselves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, headless Chromium in a container: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Installs Chromium with apt-get (as root, or through sudo) when it is not there yet; throws saying what to do if it cannot. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  log(`${path} is missing: installing Debian's chromium with apt-get (once)`);
  for (const args of [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']]) {
    const command = [...sudo, ...args];
    const result = spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new Error(`could not install chromium (${command.join(' ')} failed); install it (apt-get install chromium) or set CHROMIUM_PATH`);
    }
  }
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is still missing; set CHROMIUM_PATH`);
  return path;
}
