// Builds dist/ and wait/dist/ (`npm run package`'s script) when a source is newer than the
// oldest bundle, so a change to src/ tested without `npm run package` never silently tests
// the old bundles. The bundles themselves are the stamp: the script rewrites every one of them.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLES = ['dist/index.js', 'dist/cli/index.js', 'dist/lib/index.js', 'wait/dist/index.js'];
const INPUTS = [
  'src',
  'scripts/package.js',
  'tsconfig.json',
  'tsconfig.lib.json',
  'package-lock.json',
];

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why the bundles must be rebuilt, or undefined when every one is newer than every source. */
export function distStaleness(root = ROOT) {
  let oldest = Infinity;
  for (const bundle of BUNDLES) {
    const mtime = statSync(join(root, bundle), { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) return `${bundle} is missing`;
    oldest = Math.min(oldest, mtime);
  }
  const newer = INPUTS.filter((input) => newestMtime(join(root, input)) > oldest);
  return newer.length > 0 ? `${newer.join(', ')} changed since the last build` : undefined;
}

export function buildDistIfStale(root = ROOT) {
  const why = distStaleness(root);
  if (why === undefined) return;
  process.stderr.write(`\nport-guard tests: building dist/ (${why})\n`);
  execFileSync(process.execPath, [join(root, 'scripts', 'package.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
