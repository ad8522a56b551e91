/**
 * Tests that need what only some hosts have — Linux's /proc, root, a tool such as strace,
 * setpriv, lsof or python3 — say so with `testNeeds(...)`. Where a need is not met the test is
 * skipped, with the reason in its name ("… (skipped: needs Linux's /proc; this is darwin)") and
 * printed once per file, so a macOS or Windows run says what it did not check instead of failing
 * on a missing tool or passing silently.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type Need =
  | 'linux'
  | 'root'
  | 'posix-signals'
  | 'posix-modes'
  | 'shebang'
  | 'strace'
  | 'setpriv'
  | 'unshare'
  | 'python3'
  | 'lsof'
  | 'ps'
  | 'prlimit'
  // Wrappers the lease-owner e2e tests run the CLI under.
  | 'timeout'
  | 'time'
  | 'nice'
  | 'env'
  | 'cut'
  | 'xargs'
  | 'flock'
  | 'runuser'
  | 'npm'
  | 'npx';

/**
 * What a child process needs from this environment beyond PATH and HOME, for tests that start
 * one with a clean environment: on Windows, SystemRoot (without it Winsock cannot start and
 * every socket fails). Nothing elsewhere.
 */
export function systemEnv(): NodeJS.ProcessEnv {
  return process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot } : {};
}

/** The absolute path of an executable of that name in PATH (a PATH search, no subprocess). */
export function findOnPath(tool: string): string | undefined {
  const names = process.platform === 'win32' ? [`${tool}.exe`, `${tool}.cmd`] : [tool];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(isAbsolute)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
const onPath = (tool: string): boolean => findOnPath(tool) !== undefined;

let traceable: boolean | undefined;
/** Whether `strace` can trace a child here (absent on most CI images; ptrace may be forbidden). */
export function canTrace(): boolean {
  if (traceable === undefined) {
    const strace = findOnPath('strace');
    const args = ['-f', '-qq', '-e', 'trace=none', 'true'];
    traceable = strace !== undefined && spawnSync(strace, args, { stdio: 'ignore' }).status === 0;
  }
  return traceable;
}

function reasonFor(need: Need): string | undefined {
  const os = process.platform;
  switch (need) {
    case 'linux':
      return os === 'linux' ? undefined : `needs Linux's /proc; this is ${os}`;
    case 'root':
      return process.getuid?.() === 0 ? undefined : 'needs root';
    case 'posix-signals':
      return os === 'win32'
        ? 'Windows has no POSIX signals: a "signal" there ends the process without its handlers'
        : undefined;
    case 'posix-modes':
      return os === 'win32' ? 'Windows has no Unix file modes' : undefined;
    case 'shebang':
      return os === 'win32' ? 'Windows cannot run a #! script as a program' : undefined;
    case 'strace':
      return canTrace() ? undefined : 'strace is not installed or may not trace here';
    default:
      return onPath(need) ? undefined : `${need} is not installed`;
  }
}

/** The first unmet need, as a reason; undefined when every need is met. */
export function unmet(...needs: Need[]): string | undefined {
  for (const need of needs) {
    const reason = reasonFor(need);
    if (reason) return reason;
  }
  return undefined;
}

const told = new Set<string>();
function tell(reason: string): void {
  if (told.has(reason)) return;
  told.add(reason);
  console.warn(`skipped here: ${reason}`);
}

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/** `test`, when every need is met here; otherwise a `test.skip` whose name carries the reason. */
export function testNeeds(...needs: Need[]): TestFn {
  const reason = unmet(...needs);
  if (!reason) return test;
  tell(reason);
  return (name, fn, timeout) => test.skip(`${name} (skipped: ${reason})`, fn, timeout);
}

/** `describe`, when every need is met here; otherwise a skipped `describe` naming the reason. */
export function describeNeeds(...needs: Need[]): (name: string, fn: () => void) => void {
  const reason = unmet(...needs);
  if (!reason) return describe;
  tell(reason);
  return (name, fn) => describe.skip(`${name} (skipped: ${reason})`, fn);
}
