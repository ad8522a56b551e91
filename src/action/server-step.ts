/**
 * The action's `run` input: start the server once the ports are assigned, wait until it
 * listens on every port (or fail fast), and in the post step stop it and print its log.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunnerIO } from './runner-io.js';
import { StateKey } from './state.js';
import type { AllocationResult } from '../allocate/allocate.js';
import { CancelledError, withSignalCancellation } from '../allocate/cancellation.js';
import { releaseLeases } from '../lease/lease-registry.js';
import { cancelledMessage, printable } from '../report/messages.js';
import { envPairs } from '../report/outputs.js';
import { lastLines } from '../ready/log-tail.js';
import type { ServerPlan } from '../ready/server-plan.js';
import {
  startServer,
  stopServer,
  type ServerRecord,
  type StopOutcome,
} from '../ready/server-process.js';
import { runWait } from '../ready/wait-request.js';
import { watchChild } from '../ready/watched-process.js';
import { protocolsOf } from '../spec/port-spec.js';

/** The grace a cancelled step gives the server: the runner kills the step 7.5 s after SIGINT. */
const CANCEL_GRACE_MS = 5000;

/** The server's environment: the step's own, without the action's inputs, plus the ports. */
function serverEnv(result: AllocationResult): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^INPUT_/i.test(name)) env[name] = value;
  for (const [name, value] of envPairs(result)) env[name] = value;
  env.PORT = String(result.assignments[0].port);
  return env;
}

/** The last lines of the server's log, made safe for one annotation. */
function logTail(record: ServerRecord): string {
  const tail = lastLines(record.logPath, 20);
  if (tail === '') return '';
  return `\nLast lines of its output (${record.logPath}):\n${tail.split('\n').map(printable).join('\n')}`;
}

/**
 * Starts the server and waits for it. Returns whether the step may succeed. On failure or
 * cancellation the server is stopped and the run's leases are returned before this returns.
 */
export async function startServerStep(
  io: RunnerIO,
  plan: ServerPlan,
  result: AllocationResult,
  leases: { dir: string; ownerId: string } | undefined,
): Promise<boolean> {
  const logPath = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `port-guard-server-${randomUUID()}.log`,
  );
  let record: ServerRecord | undefined;
  let given: Promise<void> | undefined;
  const giveUp = (graceMs?: number) =>
    (given ??= (async () => {
      if (record) await stopServer(record, graceMs !== undefined ? { graceMs } : {});
      if (leases) await releaseLeases(leases.dir, { ownerId: leases.ownerId }).catch(() => []);
    })());
  try {
    // Start, wait and (on a signal) stop all run inside one cancellation scope: a signal at
    // any moment ends in the stop, and the runner's SIGTERM that follows its SIGINT cannot cut
    // the stop short.
    const report = await withSignalCancellation(async (signal) => {
      try {
        const started = await startServer({
          command: plan.command,
          shell: plan.shell,
          env: serverEnv(result),
          logPath,
        });
        record = started.record;
        // Saved at once: whatever happens next, the post step can stop it.
        io.saveState(StateKey.Server, JSON.stringify(record));
        io.info(
          `port-guard: started the server (pid ${record.pid}, ${plan.shell.name}); its output goes to ${logPath}`,
        );
        // The step must be able to end while the server runs on.
        started.child.unref();
        if (plan.timeoutSeconds === 0) return undefined;
        return await runWait(
          {
            targets: result.assignments.flatMap((a) =>
              protocolsOf(a.protocol).map((protocol) => ({ name: a.name, port: a.port, protocol })),
            ),
            timeoutSeconds: plan.timeoutSeconds,
            ...(plan.http !== undefined ? { http: plan.http } : {}),
          },
          { process: watchChild(started.child), role: 'the server', signal },
        );
      } catch (err) {
        if (err instanceof CancelledError) await giveUp(CANCEL_GRACE_MS);
        throw err;
      }
    });
    if (report === undefined) {
      io.info('port-guard: ready-timeout is 0: not waiting for the server');
      return true;
    }
    for (const line of report.warnings) io.annotate('warning', line);
    if (report.outcome.ok) {
      for (const line of report.ready) io.info(line);
      return true;
    }
    io.annotate(
      'error',
      report.errors.join('\n') + logTail(record!),
      'port-guard: the server is not ready',
    );
    await giveUp();
    return false;
  } catch (err) {
    if (!(err instanceof CancelledError)) throw err;
    await giveUp(CANCEL_GRACE_MS);
    io.annotate('error', `port-guard: ${cancelledMessage(err)}; the server was stopped`);
    io.setExitCode(err.exitCode);
    return false;
  }
}

const STOPPED: Record<StopOutcome, string> = {
  'not-running': 'had already exited',
  stopped: 'stopped (SIGTERM)',
  killed: 'killed (it did not stop within 10 s of SIGTERM)',
};

/** The post step's part: stop the server, then print its log in a collapsed group. */
export async function stopServerStep(io: RunnerIO, record: ServerRecord): Promise<void> {
  const outcome = await stopServer(record);
  io.info(`port-guard: the server (pid ${record.pid}) ${STOPPED[outcome]}`);
  const log = lastLines(record.logPath, 2000, 1024 * 1024);
  io.group(
    `port-guard: output of the server (${record.logPath})`,
    log === '' ? '(no output)' : log,
  );
}
