/**
 * Starting and stopping a server port-guard runs for the job: started detached in its own
 * process group (so it outlives the step and can be stopped as a whole), its output to a log
 * file; stopped with SIGTERM to the group, then SIGKILL after a grace period (the process tree
 * via `taskkill` on Windows).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { processIdentity } from '../lease/process-identity.js';
import { hasErrorCode } from '../system/error-code.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';
import { windowsSystemTool } from '../system/find-tool.js';
import { shellArgs, type Shell } from './ready-options.js';

export const STOP_GRACE_MS = 10_000;

/** What the post step needs to stop a server the main step started. */
export interface ServerRecord {
  pid: number;
  /** Its start token (see processIdentity), so a reused pid is never signalled. */
  start?: string;
  logPath: string;
}

export interface StartServerOptions {
  command: string;
  shell: Shell;
  env: NodeJS.ProcessEnv;
  logPath: string;
  cwd?: string;
}

export interface StartedServer {
  child: ChildProcess;
  record: ServerRecord;
}

/** Starts `command` with `shell`, detached, stdout and stderr appended to `logPath`. */
export async function startServer(options: StartServerOptions): Promise<StartedServer> {
  const log = openSync(options.logPath, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(options.shell.path, shellArgs(options.shell.name, options.command), {
      detached: true,
      stdio: ['ignore', log, log],
      env: options.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      windowsHide: true,
      windowsVerbatimArguments: options.shell.name === 'cmd',
    });
  } finally {
    // The child has its own copy; ours would keep the file open for nothing.
    closeSync(log);
  }
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const identity = await processIdentity(child.pid!);
  return {
    child,
    record: {
      pid: child.pid!,
      ...(identity?.start !== undefined ? { start: identity.start } : {}),
      logPath: options.logPath,
    },
  };
}

/** Reads back a saved {@link ServerRecord}; undefined when absent or malformed. */
export function parseServerRecord(text: string): ServerRecord | undefined {
  try {
    const data = JSON.parse(text) as Partial<ServerRecord>;
    if (!Number.isSafeInteger(data.pid) || data.pid! <= 1 || typeof data.logPath !== 'string')
      return undefined;
    return {
      pid: data.pid!,
      ...(typeof data.start === 'string' ? { start: data.start } : {}),
      logPath: data.logPath,
    };
  } catch {
    return undefined;
  }
}

/** Whether any process of the group still runs (`kill(-pgid, 0)`). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return hasErrorCode(error, 'EPERM');
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Gone meanwhile.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a stop went. */
export type StopOutcome = 'not-running' | 'stopped' | 'killed';

export interface StopOptions {
  graceMs?: number;
  platform?: NodeJS.Platform;
  run?: ToolRunner;
}

/**
 * Stops the server's process group: SIGTERM, then SIGKILL after the grace period. A leader
 * whose pid now belongs to a younger process means the group is long gone (the kernel never
 * reuses a pid that is still a process group id): nothing is signalled then.
 */
export async function stopServer(
  record: ServerRecord,
  options: StopOptions = {},
): Promise<StopOutcome> {
  const grace = options.graceMs ?? STOP_GRACE_MS;
  const platform = options.platform ?? process.platform;
  const identity = await processIdentity(record.pid);
  if (
    identity &&
    record.start !== undefined &&
    identity.start !== undefined &&
    identity.start !== record.start
  )
    return 'not-running';
  if (platform === 'win32')
    return stopWindowsTree(record.pid, identity !== undefined, grace, options.run ?? runTool);
  if (!groupAlive(record.pid)) return 'not-running';
  signalGroup(record.pid, 'SIGTERM');
  const deadline = Date.now() + grace;
  while (Date.now() < deadline) {
    await sleep(50);
    if (!groupAlive(record.pid)) return 'stopped';
  }
  signalGroup(record.pid, 'SIGKILL');
  for (let i = 0; i < 40 && groupAlive(record.pid); i++) await sleep(50);
  return 'killed';
}

/** Windows has no process groups to signal: `taskkill /T` ends the tree, `/F` forcibly. */
async function stopWindowsTree(
  pid: number,
  alive: boolean,
  grace: number,
  run: ToolRunner,
): Promise<StopOutcome> {
  if (!alive) return 'not-running';
  const taskkill = windowsSystemTool('taskkill');
  await run(taskkill, ['/T', '/PID', String(pid)], { timeoutMs: 10_000 });
  const deadline = Date.now() + grace;
  while (Date.now() < deadline) {
    if (!(await processIdentity(pid))) return 'stopped';
    await sleep(200);
  }
  await run(taskkill, ['/T', '/F', '/PID', String(pid)], { timeoutMs: 10_000 });
  return 'killed';
}
