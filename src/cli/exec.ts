/**
 * `port-guard exec [options] SPEC... -- COMMAND [ARG...]`: hand out the ports as usual, run
 * COMMAND with every port in its environment (the `export-env` names, plus `PORT` for the
 * first), hold the leases exactly while it runs (their owner is this process), forward
 * SIGINT/SIGTERM/SIGHUP to it and exit with its exit code. With `--ready`, print a line once
 * COMMAND listens on every port; when it does not in time, stop it and exit 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { constants } from 'node:os';
import type { CliCommand } from './options.js';
import { UsageError } from './options.js';
import { EXIT_CONFLICT, type Terminal } from './terminal.js';
import { runGuard } from '../allocate/guard.js';
import { releaseLeases } from '../lease/lease-registry.js';
import { annotationsFor, waitingMessage } from '../report/messages.js';
import { envPairs } from '../report/outputs.js';
import { parseConfig, type Config } from '../spec/config.js';
import { InputError, InputErrors } from '../spec/input-error.js';
import { findOnPath, parseHttpPath, parseReadyTimeout } from '../ready/ready-options.js';
import { stopServer, STOP_GRACE_MS } from '../ready/server-process.js';
import { runWait } from '../ready/wait-request.js';
import { watchChild, type ProcessExit } from '../ready/watched-process.js';
import { protocolsOf } from '../spec/port-spec.js';

type ExecCommand = Extract<CliCommand, { kind: 'exec' }>;

interface ExecPlan {
  config: Config;
  ready?: { timeoutSeconds: number; http?: string };
}

/** Every check that can be made before a port is leased or COMMAND started. */
function planExec(command: ExecCommand, env: NodeJS.ProcessEnv): ExecPlan {
  const errors: InputError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof InputErrors) errors.push(...err.errors);
      else if (err instanceof InputError) errors.push(err);
      else throw err;
      return undefined;
    }
  };
  // The ports reach COMMAND through its environment: their names must be safe to export.
  const config = attempt(() => parseConfig({ ...command.options, 'export-env': 'true' }));
  const timeoutSeconds = attempt(() => parseReadyTimeout(command.readyTimeout, '--ready-timeout'));
  const http = attempt(() => parseHttpPath(command.readyHttp, '--ready-http'));
  if (
    http !== undefined &&
    config &&
    !config.specs.some((s) => protocolsOf(s.protocol).includes('tcp'))
  )
    errors.push(
      new InputError(
        '--ready-http',
        '--ready-http: needs a TCP port to send the GET to; every port given is UDP',
      ),
    );
  const program = command.command[0];
  if (!/[\\/]/.test(program) && findOnPath(program, env) === undefined)
    errors.push(new UsageError('COMMAND', `exec: "${program}" was not found on PATH`));
  if (errors.length > 0) throw new InputErrors(errors);
  return {
    config: config!,
    ...(command.ready
      ? { ready: { timeoutSeconds: timeoutSeconds!, ...(http !== undefined ? { http } : {}) } }
      : {}),
  };
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The shell convention for a process's end: its code, or 128 + the signal's number. */
function exitCodeOf(exit: ProcessExit): number {
  if (exit.code !== null) return exit.code;
  return 128 + (exit.signal ? (constants.signals[exit.signal] ?? 15) : 15);
}

/**
 * Stops COMMAND: its own process group when it has one, else the process (which shares the
 * terminal's group). SIGTERM, then SIGKILL after the grace period.
 */
async function stopCommand(child: ChildProcess, ownGroup: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Windows has no groups: stopServer ends the process tree there with taskkill /T.
  if (ownGroup || process.platform === 'win32') {
    await stopServer({ pid: child.pid!, logPath: '' });
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
}

export async function execCommand(term: Terminal, command: ExecCommand): Promise<number> {
  const plan = planExec(command, term.env);
  const { config } = plan;
  // The leases follow this process: they live exactly as long as COMMAND runs under it.
  const owner = config.lease ? { id: randomUUID(), pid: process.pid } : undefined;
  const { result, problems } = await runGuard(config, {
    ...(owner ? { owner } : {}),
    onWait: ({ conflicts, seconds }) =>
      term.stderr(`port-guard: ${waitingMessage(conflicts, seconds)}\n`),
  });
  for (const problem of problems) term.stderr(`warning: ${problem}\n`);
  for (const note of annotationsFor(result)) term.stderr(`${note.level}: ${note.message}\n`);
  const release = async () => {
    if (owner)
      await releaseLeases(config.leaseDir, { ownerId: owner.id }).catch((err: unknown) =>
        term.stderr(
          `warning: could not release the leases in ${config.leaseDir}: ${(err as Error).message}\n`,
        ),
      );
  };
  if (!result.ok) {
    await release();
    return EXIT_CONFLICT;
  }

  const env: NodeJS.ProcessEnv = { ...term.env, ...Object.fromEntries(envPairs(result)) };
  env.PORT = String(result.assignments[0].port);
  term.stderr(`port-guard: ${result.assignments.map((a) => `${a.name}=${a.port}`).join(' ')}\n`);

  // On a terminal, COMMAND stays in the terminal's process group so it can read it (Ctrl-C
  // reaches it from the terminal itself); elsewhere (CI) it gets a group of its own, so that
  // stopping it stops everything it started.
  const interactive = process.platform !== 'win32' && process.stdin.isTTY === true;
  const ownGroup = process.platform !== 'win32' && !interactive;
  const [program, ...args] = command.command;
  const child = spawn(program, args, { stdio: 'inherit', env, detached: ownGroup });
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  if (spawned) {
    await release();
    term.stderr(`port-guard: exec: could not start ${program}: ${spawned.message}\n`);
    return 127;
  }
  const watched = watchChild(child);
  const forward = (signal: NodeJS.Signals) => {
    // The terminal sent Ctrl-C to its whole group, COMMAND included: do not send it twice.
    if (interactive && signal === 'SIGINT') return;
    try {
      if (ownGroup) process.kill(-child.pid!, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  try {
    let stoppedForReadiness = false;
    if (plan.ready) {
      const report = await runWait(
        {
          targets: result.assignments.flatMap((a) =>
            protocolsOf(a.protocol).map((protocol) => ({ name: a.name, port: a.port, protocol })),
          ),
          timeoutSeconds: plan.ready.timeoutSeconds,
          ...(plan.ready.http !== undefined ? { http: plan.ready.http } : {}),
        },
        { process: watched, role: 'COMMAND' },
      );
      {
        for (const line of report.warnings) term.stderr(`warning: ${line}\n`);
        if (report.outcome.ok) term.stderr(`port-guard: ready: ${report.ready.join('; ')}\n`);
        else {
          for (const line of report.errors) term.stderr(`port-guard: ${line}\n`);
          if (report.outcome.reason !== 'exited') {
            stoppedForReadiness = true;
            await stopCommand(child, ownGroup);
          }
        }
      }
    }
    const exit = await watched.ended;
    return stoppedForReadiness ? EXIT_CONFLICT : exitCodeOf(exit);
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
    await release();
  }
}
