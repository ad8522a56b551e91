/**
 * What a CLI command may touch of its process: its output streams, its environment and its
 * parent. Commands take a Terminal, so tests run them in-process with a recording one.
 */
import { InputError, InputErrors } from '../spec/input-error.js';

export interface Terminal {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The CLI's parent process: where the search for the job's shell starts. */
  ppid: number;
}

export const processTerminal: Terminal = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get env() {
    return process.env;
  },
  get ppid() {
    return process.ppid;
  },
};

export const EXIT_OK = 0;
export const EXIT_CONFLICT = 1;
export const EXIT_USAGE = 2;

/** Every problem of an input error as one `port-guard:` line on stderr. */
export function printInputErrors(term: Terminal, err: InputError | InputErrors): void {
  const errors = err instanceof InputErrors ? err.errors : [err];
  for (const e of errors) for (const p of e.problems) term.stderr(`port-guard: ${p}\n`);
}
