// Once per jest run, before any worker starts: the run's sandbox TMPDIR (workers and every
// process they start inherit it), a snapshot of the host's real lease dir, then fresh bundles.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDistIfStale } from './build-dist.mjs';
import { createSandbox, leaseSnapshot } from './sandbox.mjs';

export default function globalSetup() {
  const hostLeaseDir = join(tmpdir(), 'port-guard');
  const sandbox = createSandbox(tmpdir());
  globalThis.portGuardSandbox = { sandbox, hostLeaseDir, before: leaseSnapshot(hostLeaseDir) };
  // The bundles are built with the host's temp dir, so the build's own scratch never counts.
  buildDistIfStale();
  process.env.TMPDIR = sandbox;
  process.env.TEMP = sandbox;
  process.env.TMP = sandbox;
}
