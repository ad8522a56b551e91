/**
 * The action's main step: read the inputs, guard the ports, publish the outputs. Everything it
 * decides comes from the engine; this only translates between the runner and the engine.
 */
import { randomUUID } from 'node:crypto';
import * as github from '@actions/github';
import { runnerIO, type RunnerIO } from './runner-io.js';
import { StateKey } from './state.js';
import type { AllocationResult } from '../allocate/allocate.js';
import { runGuard } from '../allocate/guard.js';
import type { LeaseOwner } from '../lease/lease-file.js';
import { jobOwnerId, NO_OWNER_PID } from '../lease/lease-owner.js';
import { handedOutPorts } from '../lease/job-end.js';
import { describeFailure } from '../report/failure.js';
import { failStep } from './step-failure.js';
import { annotationsFor, printable, waitingMessage } from '../report/messages.js';
import { summaryMarkdown } from '../report/markdown.js';
import { envPairs, publishedOutputs } from '../report/outputs.js';
import { startServerStep } from './server-step.js';
import { parseServerPlan, type ServerPlan } from '../ready/server-plan.js';
import {
  INPUT_DEFAULTS,
  parseConfig,
  type Config,
  type InputName,
  type RawOptions,
} from '../spec/config.js';
import { InputError, InputErrors } from '../spec/input-error.js';

/**
 * The run's identity from @actions/github's context; the leases live as long as the action's
 * parent, the runner's worker, which lives exactly as long as the job. In a `container:` job
 * that parent is outside the pid namespace (pid 0): the leases then follow no process and
 * belong to the job's id, so a later step of the job finds them as its own and the post step
 * (or the TTL) ends them.
 */
function leaseOwner(): LeaseOwner {
  const { context } = github;
  const ppid = process.ppid;
  const owner: LeaseOwner =
    ppid > 0
      ? { id: randomUUID(), pid: ppid }
      : // The step's own id after the job's: its post step releases exactly its own leases.
        { id: `${jobOwnerId(process.env) ?? randomUUID()}#${randomUUID()}`, pid: NO_OWNER_PID };
  if (process.env.GITHUB_REPOSITORY)
    owner.repository = `${context.repo.owner}/${context.repo.repo}`;
  if (context.runId) owner.runId = String(context.runId);
  if (context.runAttempt) owner.runAttempt = String(context.runAttempt);
  if (context.job) owner.job = context.job;
  if (process.env.RUNNER_NAME) owner.runner = process.env.RUNNER_NAME;
  return owner;
}

/** Every input as the runner gives it; the engine applies the defaults. */
export function readInputs(io: RunnerIO): RawOptions {
  const raw: RawOptions = {};
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) raw[name] = io.getInput(name);
  return raw;
}

/**
 * The engine's config and the `run` server's plan, checked together: every input error is
 * reported at once, before any port is probed, leased or anything started.
 */
function readPlan(io: RunnerIO): { config: Config; server: ServerPlan | undefined } {
  const errors: InputError[] = [];
  let config: Config | undefined;
  let server: ServerPlan | undefined;
  try {
    config = parseConfig(readInputs(io));
  } catch (err) {
    if (!(err instanceof InputErrors)) throw err;
    errors.push(...err.errors);
  }
  try {
    server = parseServerPlan(
      {
        run: io.getInput('run'),
        'ready-timeout': io.getInput('ready-timeout'),
        'ready-http': io.getInput('ready-http'),
        shell: io.getInput('shell'),
      },
      config?.specs,
    );
  } catch (err) {
    if (!(err instanceof InputErrors)) throw err;
    errors.push(...err.errors);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return { config: config!, server };
}

/** The main step. */
export async function run(io: RunnerIO = runnerIO): Promise<void> {
  try {
    io.saveState(StateKey.IsPost, 'true');
    const { config, server } = readPlan(io);
    // Every check before any side effect: a run that could not publish never probes or leases.
    const unwritable =
      io.fileProblem('GITHUB_OUTPUT') ??
      (config.exportEnv ? io.fileProblem('GITHUB_ENV') : undefined) ??
      io.fileProblem('GITHUB_STATE');
    if (unwritable) throw unwritable;
    let summary = config.summary;
    const summaryProblem = summary ? io.fileProblem('GITHUB_STEP_SUMMARY') : undefined;
    if (summaryProblem) {
      io.annotate('warning', `port-guard: no job summary: ${summaryProblem.message}`);
      summary = false;
    }
    const owner = config.lease ? leaseOwner() : undefined;
    if (owner?.pid === NO_OWNER_PID)
      io.debug(
        `the action's parent is outside this pid namespace: the leases belong to job ${owner.id} until the post step or lease-ttl`,
      );
    if (owner) {
      // Saved before any lease exists, so the post step can release them even after a crash.
      io.saveState(StateKey.LeaseDir, config.leaseDir);
      io.saveState(StateKey.LeaseOwner, owner.id!);
    }
    const { result } = await runGuard(config, {
      ...(owner ? { owner } : {}),
      onWait: ({ conflicts, seconds }) => io.info(waitingMessage(conflicts, seconds)),
      // Shown when the runner asks for debug output (ACTIONS_STEP_DEBUG).
      debug: (line) => io.debug(printable(line)),
      // Only once no signal came: a cancelled run publishes nothing.
      publish: ({ result, problems }) => {
        for (const problem of problems) io.annotate('warning', problem);
        for (const note of annotationsFor(result)) io.annotate(note.level, note.message);
        if (summary) writeSummary(io, result);
        if (!result.ok) {
          for (const [name, value] of Object.entries(publishedOutputs(result)))
            io.setOutput(name, value);
          return;
        }
        io.saveState(StateKey.HandedOut, JSON.stringify(handedOutPorts(result)));
        if (!server) publishPorts(io, config, result);
      },
    });
    if (!result.ok) {
      io.setExitCode(1);
      return;
    }
    if (server) {
      // Outputs only once the server is ready: a step that fails publishes no ports.
      const leases = owner ? { dir: config.leaseDir, ownerId: owner.id! } : undefined;
      if (!(await startServerStep(io, server, result, leases))) {
        if (!process.exitCode) io.setExitCode(1);
        return;
      }
      publishPorts(io, config, result);
    }
  } catch (err) {
    failStep(io, err);
  }
}

/** The port outputs (and with export-env the variables) of a successful run. */
function publishPorts(io: RunnerIO, config: Config, result: AllocationResult): void {
  for (const [name, value] of Object.entries(publishedOutputs(result))) io.setOutput(name, value);
  if (config.exportEnv)
    for (const [name, value] of envPairs(result)) io.exportVariable(name, value);
  io.info(result.assignments.map((a) => `${a.name}=${a.port}`).join(' '));
}

/** The job summary; one that cannot be written is a warning, never a failed step. */
export function writeSummary(io: RunnerIO, result: AllocationResult): void {
  try {
    io.appendSummary(summaryMarkdown(result));
  } catch (err) {
    io.annotate(
      'warning',
      `port-guard: no job summary: ${describeFailure(err).message.replace(/^could not work: /, '')}`,
    );
  }
}
