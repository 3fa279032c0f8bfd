import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_FOLDERS = ['apps', 'libs', 'scripts', 'seeds', 'tests'];
/** Citations of files a reader of the repository does not have (the workspace's shared notes). */
const OUTSIDE = /\.\.\/shared\/|\bSTYLE \d|\bPITFALLS\b|\bDESIGN\.md\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && full !== __filename ? [full] : [];
  });
}

describe('comments cite documents inside the repository', () => {
  it('no source file cites the workspace notes (STYLE, PITFALLS, DESIGN, ../shared/): docs/ holds what they say', () => {
    const offenders = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file, line, at: i + 1 })))
      .filter(({ line }) => OUTSIDE.test(line))
      .map(({ file, at, line }) => `${path.relative(ROOT, file)}:${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
