/**
 * The runner protocol the fronts speak (inputs, outputs, state, annotations, the job summary),
 * behind one interface: the action's main and post steps take a RunnerIO, so tests drive them
 * in-process with a fake one (the seam actions/cache has in its StateProvider), and the CLI's
 * `--format github` writes through the same real one.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { accessSync, appendFileSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** The runner's file commands the fronts write, by their environment variable. */
export type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY';

/**
 * A runner file that cannot be written: port-guard could not do its work (the CLI exits 3; the
 * action fails its step). The message is one line naming the variable and the file.
 */
export class OutputFileError extends Error {
  readonly exitCode = 3;
  constructor(
    readonly variable: RunnerFile,
    readonly file: string,
    why: string,
  ) {
    super(`cannot write ${variable} (${file}): ${why}`);
    this.name = 'OutputFileError';
  }
}

function why(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ? `${e.code}${e.syscall ? ` (${e.syscall})` : ''}` : String(e?.message ?? err);
}

/**
 * Why the file `env[variable]` names cannot be appended to, or undefined when it can (or when
 * the variable is unset: whether that is allowed is the caller's decision). Checked before any
 * port is probed, so a run that could not publish its results never starts.
 */
export function runnerFileProblem(
  variable: RunnerFile,
  env: NodeJS.ProcessEnv = process.env,
): OutputFileError | undefined {
  const file = env[variable];
  if (!file) return undefined;
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) {
      // Appending creates it: the directory must let us.
      accessSync(dirname(file), constants.W_OK);
      return undefined;
    }
    if (!stats.isFile() && !stats.isFIFO() && !stats.isCharacterDevice())
      return new OutputFileError(variable, file, 'not a regular file');
    accessSync(file, constants.W_OK);
    return undefined;
  } catch (err) {
    return new OutputFileError(variable, file, why(err));
  }
}

/** Runs a write to a runner file; any failure becomes one {@link OutputFileError}. */
function writing(variable: RunnerFile, write: () => void): void {
  try {
    write();
  } catch (err) {
    throw new OutputFileError(variable, process.env[variable] ?? '(unset)', why(err));
  }
}

export interface RunnerIO {
  /** An input as `core.getInput` reads it (trimmed; '' when absent). */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Sets the variable for later steps (and this process). */
  exportVariable(name: string, value: string): void;
  annotate(level: AnnotationLevel, message: string, title?: string): void;
  info(message: string): void;
  /** Whether the runner asked for debug output (ACTIONS_STEP_DEBUG). */
  isDebug(): boolean;
  debug(message: string): void;
  /** Appends Markdown to the job summary; throws an OutputFileError when it cannot be written. */
  appendSummary(markdown: string): void;
  /**
   * Prints text another program wrote (a server's log) in a collapsed group, with workflow
   * commands switched off so nothing in it is taken for one.
   */
  group(title: string, text: string): void;
  /** Marks the step failed (exit code) without a message of its own. */
  setExitCode(code: number): void;
  /** Why a runner file cannot be written ({@link runnerFileProblem}), before any work starts. */
  fileProblem(variable: RunnerFile): OutputFileError | undefined;
}

/** The real runner, through @actions/core's public entry point. */
export const runnerIO: RunnerIO = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => writing('GITHUB_OUTPUT', () => core.setOutput(name, value)),
  saveState: (name, value) => writing('GITHUB_STATE', () => core.saveState(name, value)),
  getState: (name) => core.getState(name),
  exportVariable: (name, value) => writing('GITHUB_ENV', () => core.exportVariable(name, value)),
  annotate: (level, message, title) => core[level](message, title ? { title } : {}),
  info: (message) => core.info(message),
  isDebug: () => core.isDebug(),
  debug: (message) => core.debug(message),
  appendSummary: (markdown) => {
    // Synchronous on purpose: core.summary buffers and writes asynchronously, and a summary
    // must never be half-written when the step ends.
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
      writing('GITHUB_STEP_SUMMARY', () => appendFileSync(file, markdown, { encoding: 'utf8' }));
  },
  group: (title, text) => {
    core.startGroup(title);
    const token = randomUUID();
    core.info(`::stop-commands::${token}`);
    core.info(text);
    core.info(`::${token}::`);
    core.endGroup();
  },
  setExitCode: (code) => {
    process.exitCode = code;
  },
  fileProblem: (variable) => runnerFileProblem(variable, process.env),
};
