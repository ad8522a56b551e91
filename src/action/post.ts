/**
 * The action's post step (`post-if: always()`): stops the `run` server (and prints its log),
 * releases this job's leases and reports every handed-out port still held at the end of the
 * job. It never fails the job.
 */
import { runnerIO, type RunnerIO } from './runner-io.js';
import { stopServerStep } from './server-step.js';
import { readMainStepState } from './state.js';
import { findHoldersWhenNeeded } from '../holders/lookup.js';
import { endJob } from '../lease/job-end.js';
import { stillBoundMessage } from '../report/messages.js';

export async function run(io: RunnerIO = runnerIO): Promise<void> {
  try {
    const state = readMainStepState(io);
    // The server first: its ports are then free when they are checked and their leases go.
    if (state.server)
      await stopServerStep(io, state.server).catch((err: unknown) =>
        io.annotate(
          'warning',
          `port-guard post step: could not stop the server: ${(err as Error).message}`,
        ),
      );
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
