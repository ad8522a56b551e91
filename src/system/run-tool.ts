/**
 * Runs an outside tool (`lsof`, `netstat`, `tasklist`, `docker`) the only way port-guard runs
 * anything: `execFile` with a fixed argument array, no shell, a time-out. It never throws: a
 * missing tool, a refusal or a time-out is an answer ("unknown"), not a crash.
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
  env?: NodeJS.ProcessEnv;
}

/** The signature of {@link runTool}, so callers can be given another runner. */
export type ToolRunner = (
  command: string,
  args: string[],
  options: ToolOptions,
) => Promise<ToolResult>;

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
          env: options.env ?? process.env,
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
