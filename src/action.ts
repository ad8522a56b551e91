import { Context } from '../node_modules/@actions/github/lib/context.js';
import * as io from './action-io.js';
import { INPUT_DEFAULTS, parseConfig, type InputName, type RawOptions } from './config.js';
import { CancelledError, withSignalCancellation } from './cancellation.js';
import { guardPorts } from './guard.js';
import { findHolders } from './holders/index.js';
import { InputError, InputErrors } from './input-error.js';
import {
  annotationsFor,
  cancelledMessage,
  conflictsJson,
  envPairs,
  portOutputs,
  summaryMarkdown,
  waitingMessage,
} from './report.js';

/** The main step: read inputs, guard the ports, publish outputs. */
export async function run(): Promise<void> {
  io.saveState('isPost', 'true');
  try {
    const raw: RawOptions = {};
    for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) raw[name] = io.getInput(name);
    const config = parseConfig(raw);
    const context = new Context();
    void context;
    const result = await withSignalCancellation((signal) =>
      guardPorts(config, {
        findHolders,
        signal,
        onWait: ({ conflicts, seconds }) => io.info(waitingMessage(conflicts, seconds)),
      }),
    );

    for (const note of annotationsFor(result)) io.annotate(note.level, note.message);
    if (config.summary) io.appendSummary(summaryMarkdown(result));
    if (!result.ok) {
      // `conflicts` is the one output a failed step still writes, for `if: failure()` steps.
      if (result.conflicts.length > 0) io.setOutput('conflicts', conflictsJson(result.conflicts));
      process.exitCode = 1;
      return;
    }
    for (const [name, value] of Object.entries(portOutputs(result))) io.setOutput(name, value);
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
    // Leases are released here once the lease registry lands.
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
