/**
 * The process a wait is bound to: the server port-guard started (a child, whose exit it hears
 * at once, with its code), or a process named by `--pid` (not a child: its end is seen by
 * polling, and its exit code only while it is an unreaped zombie on Linux).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { processIdentity } from '../lease/process-identity.js';

/** How a process ended. `code` is null when it was killed by a signal or is not known. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WatchedProcess {
  pid: number;
  /** How it ended, once it has; undefined while it runs. Cheap: called on every tick. */
  exited(): Promise<ProcessExit | undefined>;
  /** Resolves when the process is seen to end (at once for a child). */
  readonly ended: Promise<ProcessExit>;
}

/** Watches a child port-guard spawned: its exit is known the moment it happens. */
export function watchChild(child: ChildProcess): WatchedProcess {
  let exit: ProcessExit | undefined =
    child.exitCode !== null || child.signalCode !== null
      ? { code: child.exitCode, signal: child.signalCode }
      : undefined;
  const ended = new Promise<ProcessExit>((resolve) => {
    if (exit) resolve(exit);
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  return { pid: child.pid!, exited: async () => exit, ended };
}

/**
 * The exit code of an unreaped zombie, from field 52 of `/proc/<pid>/stat` (Linux 3.5+):
 * the `waitpid` status, whose high byte is the code and low 7 bits the signal.
 */
export function zombieExit(statText: string): ProcessExit | undefined {
  const close = statText.lastIndexOf(')');
  const fields = statText
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  if (fields[0] !== 'Z') return undefined;
  const status = Number(fields[49]);
  if (!Number.isSafeInteger(status)) return { code: null, signal: null };
  const signalNumber = status & 0x7f;
  if (signalNumber !== 0) return { code: null, signal: signalName(signalNumber) };
  return { code: (status >> 8) & 0xff, signal: null };
}

function signalName(n: number): NodeJS.Signals | null {
  const entry = Object.entries(constants.signals).find(([, v]) => v === n);
  return entry ? (entry[0] as NodeJS.Signals) : null;
}

/**
 * Watches a process named by pid (and, when known, start token, so a reused pid reads as the
 * end of the original). Its end is noticed on the next `exited()` call.
 */
export function watchPid(pid: number, start?: string): WatchedProcess {
  let resolveEnded!: (exit: ProcessExit) => void;
  const ended = new Promise<ProcessExit>((resolve) => (resolveEnded = resolve));
  let exit: ProcessExit | undefined;
  return {
    pid,
    ended,
    async exited() {
      if (exit) return exit;
      let zombie: ProcessExit | undefined;
      if (process.platform === 'linux') {
        try {
          zombie = zombieExit(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        } catch {
          // Gone: its parent has collected it, and its code with it.
        }
      }
      const identity = zombie ? undefined : await processIdentity(pid);
      const alive =
        identity !== undefined &&
        (start === undefined || identity.start === undefined || identity.start === start);
      if (alive) return undefined;
      exit = zombie ?? { code: null, signal: null };
      resolveEnded(exit);
      return exit;
    },
  };
}
