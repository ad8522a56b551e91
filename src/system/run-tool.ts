/**
 * Runs an outside tool (`lsof`, `ps`, `netstat`, `tasklist`, `netsh`, `docker`) the only way
 * port-guard runs a system tool: `execFile` with a fixed argument array, no shell, a time-out,
 * and `LC_ALL=C` and `TZ=UTC` always (SECURITY.md): its output is parsed, and compared between
 * processes that may run with other locales and time zones, so it must not depend on either.
 * It never throws: a missing tool, a refusal or a time-out is an answer ("unknown"), not a
 * crash. (The `run` input's server is the user's own command, not a tool: it is not run here.)
 */
import { execFile } from 'node:child_process';

/** What a tool run produced. `code` is null when the tool did not run or was killed. */
export interface ToolResult {
  code: number | null;
  stdout: string;
  /** Why the tool gave no answer: `ENOENT`, `timeout`, … (absent when it exited by itself). */
  failure?: string;
}

/** Options for {@link runTool}. */
export interface ToolOptions {
  /** Kill the tool after this many milliseconds. */
  timeoutMs: number;
  /** How to decode stdout; Windows tools print in the console code page, not UTF-8. */
  encoding?: BufferEncoding;
  /** The tool's environment (default: this process's); `LC_ALL` and `TZ` are always pinned. */
  env?: NodeJS.ProcessEnv;
}

/** The signature of {@link runTool}, so callers can be given another runner. */
export type ToolRunner = (
  command: string,
  args: string[],
  options: ToolOptions,
) => Promise<ToolResult>;

/** Pinned over every tool's environment: the C locale's messages and dates, UTC times. */
const STABLE_OUTPUT = { LC_ALL: 'C', TZ: 'UTC' } as const;

/** Runs `command` with `args` (no shell) and resolves with its exit code and stdout. */
export const runTool: ToolRunner = (command, args, options) =>
  new Promise((resolve) => {
    try {
      execFile(
        command,
        args,
        {
          timeout: options.timeoutMs,
          encoding: options.encoding ?? 'utf8',
          env: { ...(options.env ?? process.env), ...STABLE_OUTPUT },
          maxBuffer: 8 * 1024 * 1024,
          windowsHide: true,
        },
        (error, stdout) => {
          const text = String(stdout ?? '');
          if (!error) {
            resolve({ code: 0, stdout: text });
            return;
          }
          const err = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
          if (typeof err.code === 'number') {
            resolve({ code: err.code, stdout: text });
          } else {
            const failure = err.killed ? 'timeout' : String(err.code ?? err.message);
            resolve({ code: null, stdout: text, failure });
          }
        },
      );
    } catch (error) {
      // execFile throws synchronously for some bad arguments (e.g. a NUL byte).
      resolve({ code: null, stdout: '', failure: (error as Error).message });
    }
  });
