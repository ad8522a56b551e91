/**
 * Who a process is, beyond its pid: a pid is reused once its process exits, so a lease names
 * its owner by pid AND start time, and an owner whose pid now belongs to a younger process is
 * dead.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LeaseOwner } from './lease-file.js';

/** A running process; `start` is absent when the platform (or `hidepid`) does not tell it. */
export interface ProcessIdentity {
  pid: number;
  /**
   * An opaque start-time token, comparable only with tokens made on the same host:
   * Linux `<starttime ticks>@<boot id>` (field 22 of `/proc/<pid>/stat`), macOS and other
   * Unixes the `ps -o lstart=` text in UTC. Never present on Windows.
   */
  start?: string;
}

/**
 * The state and start time (field 3 and field 22) of a `/proc/<pid>/stat` line. The command
 * name (field 2) may itself contain spaces and parentheses, so fields are counted from the
 * LAST `)` of the line. Undefined when the text is not such a line.
 */
export function parseProcStat(text: string): { state: string; startTicks: string } | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
  const state = fields[0];
  const startTicks = fields[19];
  if (!state || !/^[A-Za-z]$/.test(state) || !startTicks || !/^\d+$/.test(startTicks)) {
    return undefined;
  }
  return { state, startTicks };
}

let bootId: Promise<string | undefined> | undefined;

/** Start ticks restart at zero on every boot; the boot id keeps tokens unique across reboots. */
function linuxBootId(): Promise<string | undefined> {
  bootId ??= readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (text) => text.trim().slice(0, 8) || undefined,
    () => undefined,
  );
  return bootId;
}

/** Existence only: `kill(pid, 0)` succeeds, or fails with EPERM for another user's process. */
function existsBySignal(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function linuxIdentity(pid: number): Promise<ProcessIdentity | undefined> {
  let text: string;
  try {
    // Synchronous: a /proc read is a few microseconds; through the thread pool, ~20 times more.
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // With `hidepid` another user's process is invisible in /proc but still alive: never
    // declare it dead just because we cannot see its start time.
    return existsBySignal(pid) ? { pid } : undefined;
  }
  const stat = parseProcStat(text);
  if (!stat) return existsBySignal(pid) ? { pid } : undefined;
  // A zombie has exited; only its exit status waits to be collected.
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return undefined;
  const boot = await linuxBootId();
  return { pid, start: boot ? `${stat.startTicks}@${boot}` : stat.startTicks };
}

async function psIdentity(pid: number): Promise<ProcessIdentity | undefined> {
  // Loaded only off Linux: on Linux /proc answers and child_process is not worth loading.
  // The token is compared between processes that may run with different locales and time
  // zones; runTool pins LC_ALL=C and TZ=UTC, so the same process always gives the same text.
  const { runTool } = await import('../system/run-tool.js');
  const result = await runTool('ps', ['-o', 'lstart=', '-p', String(pid)], { timeoutMs: 5000 });
  const start = result.stdout.trim();
  if (start) return { pid, start };
  // No `ps` at all: existence is the best we can know.
  if (result.failure === 'ENOENT') return existsBySignal(pid) ? { pid } : undefined;
  return undefined;
}

/**
 * The identity of a running process, or undefined when no such process runs.
 * - Linux: `/proc/<pid>/stat` (no subprocess).
 * - macOS and other Unixes: `ps -o lstart= -p <pid>` through execFile.
 * - Windows: existence only (`process.kill(pid, 0)`); there is no start time, so a reused
 *   pid keeps a lease alive there until its TTL passes.
 */
export function processIdentity(pid: number): Promise<ProcessIdentity | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return Promise.resolve(undefined);
  if (process.platform === 'linux') return linuxIdentity(pid);
  if (process.platform === 'win32')
    return Promise.resolve(existsBySignal(pid) ? { pid } : undefined);
  return psIdentity(pid);
}

/**
 * Whether the process a lease follows still runs: its pid exists and, when both sides know a
 * start time, the start times match (a different start time means the pid was reused).
 */
export async function isOwnerAlive(owner: Pick<LeaseOwner, 'pid' | 'pidStart'>): Promise<boolean> {
  const identity = await processIdentity(owner.pid);
  if (!identity) return false;
  if (owner.pidStart !== undefined && identity.start !== undefined) {
    return identity.start === owner.pidStart;
  }
  return true;
}

/** A process's parent pid and command line, or undefined when it cannot be seen. */
export async function processParent(
  pid: number,
): Promise<{ ppid: number; command: string } | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Field 4 (ppid) is the second field after the last ')'.
      const ppid = Number(
        stat
          .slice(stat.lastIndexOf(')') + 1)
          .trim()
          .split(/\s+/)[1],
      );
      const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ').trim();
      return Number.isSafeInteger(ppid) ? { ppid, command } : undefined;
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'win32') return undefined;
  const { runTool } = await import('../system/run-tool.js');
  const { stdout } = await runTool('ps', ['-o', 'ppid=,command=', '-p', String(pid)], {
    timeoutMs: 5000,
  });
  const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
  return match ? { ppid: Number(match[1]), command: match[2]!.trim() } : undefined;
}
