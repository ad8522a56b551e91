import { randomUUID } from 'node:crypto';
import { Context } from '../node_modules/@actions/github/lib/context.js';
import * as io from './action-io.js';
import { INPUT_DEFAULTS, parseConfig, type InputName, type RawOptions } from './config.js';
import { CancelledError } from './cancellation.js';
import { runGuard } from './guard-run.js';
import { findHoldersWhenNeeded } from './holder-lookup.js';
import { InputError, InputErrors } from './input-error.js';
import { endJob, handedOutPorts, parseHandedOutPorts, stillBoundMessage } from './job-end.js';
import type { LeaseOwner } from './types.js';
import {
  annotationsFor,
  cancelledMessage,
  envPairs,
  publishedOutputs,
  summaryMarkdown,
  waitingMessage,
} from './report.js';

/**
 * The run's identity from @actions/github's context; the leases live as long as the action's
 * parent, the runner's worker, which lives exactly as long as the job.
 */
function leaseOwner(): LeaseOwner {
  const context = new Context();
  const owner: LeaseOwner = { id: randomUUID(), pid: process.ppid };
  if (process.env.GITHUB_REPOSITORY)
    owner.repository = `${context.repo.owner}/${context.repo.repo}`;
  if (context.runId) owner.runId = String(context.runId);
  if (context.runAttempt) owner.runAttempt = String(context.runAttempt);
  if (context.job) owner.job = context.job;
  if (process.env.RUNNER_NAME) owner.runner = process.env.RUNNER_NAME;
  return owner;
}

/** The main step: read inputs, guard the ports, publish outputs. */
export async function run(): Promise<void> {
  io.saveState('isPost', 'true');
  try {
    const raw: RawOptions = {};
    for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) raw[name] = io.getInput(name);
    const config = parseConfig(raw);
    const owner = config.lease ? leaseOwner() : undefined;
    if (owner) {
      // Saved before any lease exists, so the post step can release them even after a crash.
      io.saveState('leaseDir', config.leaseDir);
      io.saveState('leaseOwner', owner.id!);
    }
    const { result, problems } = await runGuard(config, {
      ...(owner ? { owner } : {}),
      onWait: ({ conflicts, seconds }) => io.info(waitingMessage(conflicts, seconds)),
    });
    for (const problem of problems) io.annotate('warning', problem);

    for (const note of annotationsFor(result)) io.annotate(note.level, note.message);
    if (config.summary) io.appendSummary(summaryMarkdown(result));
    for (const [name, value] of Object.entries(publishedOutputs(result))) io.setOutput(name, value);
    if (!result.ok) {
      process.exitCode = 1;
      return;
    }
    io.saveState('handedOut', JSON.stringify(handedOutPorts(result)));
    if (config.exportEnv)
      for (const [name, value] of envPairs(result)) io.exportVariable(name, value);
    io.info(result.assignments.map((a) => `${a.name}=${a.port}`).join(' '));
  } catch (err) {
    fail(err);
  }
}

/** The post step: never fails the job. */
export async function cleanup(): Promise<void> {
  try {
    const dir = io.getState('leaseDir');
    const ownerId = io.getState('leaseOwner');
    const report = await endJob({
      ports: parseHandedOutPorts(io.getState('handedOut')),
      findHolders: findHoldersWhenNeeded,
      ...(dir && ownerId ? { leases: { dir, ownerId } } : {}),
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

function fail(err: unknown): void {
  if (err instanceof InputErrors) {
    for (const e of err.errors)
      for (const p of e.problems) io.annotate('error', p, `port-guard: input ${e.input}`);
    process.exitCode = 1;
  } else if (err instanceof InputError) {
    for (const p of err.problems) io.annotate('error', p, `port-guard: input ${err.input}`);
    process.exitCode = 1;
  } else if (err instanceof CancelledError) {
    io.annotate('error', `port-guard: ${cancelledMessage(err)}`);
    process.exitCode = err.exitCode;
  } else {
    io.setFailed(
      `port-guard failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
  }
}
