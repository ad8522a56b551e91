/**
 * Who a process is, beyond its pid: a pid is reused once its process exits, so a lease names
 * its owner by pid AND start time, and an owner whose pid now belongs to a younger process is
 * dead.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LeaseOwner } from './lease-file.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';

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

/** Makes Linux start tokens (`<starttime ticks>@<boot id>`) from field 22 of `/proc/<pid>/stat`. */
export async function linuxStartToken(): Promise<(ticks: string) => string> {
  const boot = await linuxBootId();
  return (ticks) => (boot ? `${ticks}@${boot}` : ticks);
}

/**
 * A start token with its blanks collapsed: `ps` pads a one-digit day (`Dec  2`) in one listing
 * and not necessarily in another, and older port-guard versions stored the padded text.
 */
export function normalizeStartToken(token: string): string {
  return token.trim().replace(/\s+/g, ' ');
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
  return { pid, start: (await linuxStartToken())(stat.startTicks) };
}

/** How {@link processIdentity} reads the process table; the defaults are this host's. */
export interface IdentityDeps {
  platform?: NodeJS.Platform;
  run?: ToolRunner;
}

/**
 * macOS and other Unixes: `/bin/ps -o lstart= -p <pid>`, by absolute path, with the locale and
 * time zone pinned (the token is compared between processes that may run with other ones).
 * When ps gives no start time — it failed, timed out, hit a process limit — the answer is the
 * process's existence: a failed look-up never turns a live owner into a dead one.
 */
async function psIdentity(pid: number, run: ToolRunner): Promise<ProcessIdentity | undefined> {
  const result = await run('/bin/ps', ['-o', 'lstart=', '-p', String(pid)], {
    timeoutMs: 5000,
    env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
  });
  const start = result.code === 0 ? normalizeStartToken(result.stdout) : '';
  if (start) return { pid, start };
  return existsBySignal(pid) ? { pid } : undefined;
}

/**
 * The identity of a running process, or undefined when no such process runs.
 * - Linux: `/proc/<pid>/stat` (no subprocess).
 * - macOS and other Unixes: `/bin/ps -o lstart= -p <pid>` through run-tool.
 * - Windows: existence only (`process.kill(pid, 0)`); there is no start time, so a reused
 *   pid keeps a lease alive there until its TTL passes.
 */
export function processIdentity(
  pid: number,
  deps: IdentityDeps = {},
): Promise<ProcessIdentity | undefined> {
  const platform = deps.platform ?? process.platform;
  if (!Number.isSafeInteger(pid) || pid <= 0) return Promise.resolve(undefined);
  if (platform === 'linux') return linuxIdentity(pid);
  if (platform === 'win32') return Promise.resolve(existsBySignal(pid) ? { pid } : undefined);
  return psIdentity(pid, deps.run ?? runTool);
}

/**
 * Whether the process a lease follows still runs: its pid exists and, when both sides know a
 * start time, the start times match (a different start time means the pid was reused).
 */
export async function isOwnerAlive(
  owner: Pick<LeaseOwner, 'pid' | 'pidStart'>,
  deps: IdentityDeps = {},
): Promise<boolean> {
  const identity = await processIdentity(owner.pid, deps);
  if (!identity) return false;
  if (owner.pidStart !== undefined && identity.start !== undefined) {
    return normalizeStartToken(identity.start) === normalizeStartToken(owner.pidStart);
  }
  return true;
}
