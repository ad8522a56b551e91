// Once per jest run, after the last test: the run fails when a test left anything in the
// sandbox TMPDIR or wrote a lease into the host's real lease dir. The sandbox is removed
// either way, so `npm test` leaves nothing in the host's temp dir.
import { rmSync } from 'node:fs';
import { sandboxProblems } from './sandbox.mjs';

export default function globalTeardown() {
  const state = globalThis.portGuardSandbox;
  if (!state) return;
  const problems = sandboxProblems(state.sandbox, state.before, state.hostLeaseDir);
  rmSync(state.sandbox, { recursive: true, force: true });
  if (problems.length === 0) return;
  for (const problem of problems) process.stderr.write(`\nport-guard tests: ${problem}\n`);
  // An exit code rather than a throw: jest still writes its results (--json --outputFile).
  process.exitCode = 1;
}
