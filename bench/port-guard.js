// The one place that knows port-guard's engine API. The engine is bundled for the bench from
// bench/port-guard-entry.ts into .bench-tmp/pg/ (gitignored) by buildPortGuard(), so the bench
// runs the same compiled code the action ships, without a TypeScript step at run time.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bundles the engine; returns a reason string when it cannot. */
export function buildPortGuard(root) {
  const entry = join(root, 'bench/port-guard-entry.ts');
  if (!existsSync(entry)) return 'bench/port-guard-entry.ts is missing (engine not merged yet)';
  const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  try {
    execFileSync(
      process.execPath,
      [ncc, 'build', entry, '-o', join(root, '.bench-tmp/pg'), '--quiet', '--target', 'es2022'],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    return `ncc failed: ${
      String(error.stderr ?? error.message)
        .trim()
        .split('\n')[0]
    }`;
  }
  return undefined;
}

/**
 * Loads the bundled engine and wraps it as bench contenders; resolves
 * { contenders, leased, udpCheck } or { missing: reason }.
 */
export async function loadPortGuard(root) {
  const bundle = join(root, '.bench-tmp/pg/index.js');
  if (!existsSync(bundle)) return { missing: 'engine bundle not built' };
  const pg = await import(pathToFileURL(bundle).href);
  return adapt(pg, root);
}

// Filled in against the engine's real API once it is on main.
async function adapt() {
  return { missing: 'engine API not wired into the bench yet' };
}
