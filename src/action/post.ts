/**
 * The action's post step (`post-if: always()`): releases this job's leases and reports every
 * handed-out port still held at the end of the job. It never fails the job.
 */
import { runnerIO, type RunnerIO } from './runner-io.js';
import { readMainStepState } from './state.js';
import { findHoldersWhenNeeded } from '../holders/lookup.js';
import { endJob, stillBoundMessage } from '../lease/job-end.js';

export async function run(io: RunnerIO = runnerIO): Promise<void> {
  try {
    const state = readMainStepState(io);
    const report = await endJob({
      ports: state.handedOut,
      findHolders: findHoldersWhenNeeded,
      ...(state.leases ? { leases: state.leases } : {}),
    });
    for (const bound of report.stillBound) io.annotate('notice', stillBoundMessage(bound));
    for (const problem of report.problems)
      io.annotate('warning', `port-guard post step: ${problem}`);
    if (report.released.length > 0)
      io.info(
        `port-guard: released ${report.released.length} lease(s): ${report.released.map((r) => `${r.port}/${r.protocol}`).join(', ')}`,
      );
  } catch (err) {
    io.annotate(
      'warning',
      `port-guard post step: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
