// The test run's sandbox: one temp directory that is TMPDIR for every jest worker (and so for
// every process a test starts without its own), and the checks the global teardown makes: the
// sandbox must be empty again, and no lease may have appeared in the host's real lease dir
// (what a test that forgets its own TMPDIR or --lease-dir would write to).
import { chmodSync, mkdtempSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates the sandbox directory under `base` (the host's temp dir), with /tmp's mode: tests
 * run processes as another user (uid 65534) that must reach their own files in it.
 */
export function createSandbox(base) {
  const dir = realpathSync(mkdtempSync(join(base, 'port-guard-test-run-')));
  if (process.platform !== 'win32') chmodSync(dir, 0o1777);
  return dir;
}

/** Every path left under `dir`, relative to it, depth first (files and empty directories). */
export function leftovers(dir) {
  const found = [];
  const walk = (rel) => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true });
    if (entries.length === 0 && rel !== '') found.push(`${rel}/`);
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** The lease files in `leaseDir` now, with their modification time ({} when it does not exist). */
export function leaseSnapshot(leaseDir) {
  let names;
  try {
    names = readdirSync(leaseDir);
  } catch {
    return {};
  }
  const snapshot = {};
  for (const name of names) {
    try {
      snapshot[name] = statSync(join(leaseDir, name)).mtimeMs;
    } catch {
      // Released between the listing and the stat: it is not there.
    }
  }
  return snapshot;
}

/** Lease files in `after` that were not in `before`, or were rewritten since. */
export function leasesAppeared(before, after) {
  return Object.keys(after)
    .filter((name) => before[name] !== after[name])
    .sort();
}

/**
 * What the teardown reports: one line per problem, empty when the run left nothing behind.
 * `sandbox` is the run's TMPDIR; `before` the snapshot of the host's lease dir `leaseDir` at
 * the start.
 */
export function sandboxProblems(sandbox, before, leaseDir) {
  const problems = [];
  const left = leftovers(sandbox);
  if (left.length > 0)
    problems.push(
      `the tests left ${left.length} path(s) in their TMPDIR ${sandbox}: ${left.slice(0, 20).join(', ')}`,
    );
  const leases = leasesAppeared(before, leaseSnapshot(leaseDir));
  if (leases.length > 0)
    problems.push(`a test wrote to the host's real lease dir ${leaseDir}: ${leases.join(', ')}`);
  return problems;
}
