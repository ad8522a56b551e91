/**
 * The runner protocol the fronts speak (inputs, outputs, state, annotations, the job summary),
 * behind one interface: the action's main and post steps take a RunnerIO, so tests drive them
 * in-process with a fake one (the seam actions/cache has in its StateProvider), and the CLI's
 * `--format github` writes through the same real one.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

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
  /** Appends Markdown to the job summary; throws when the runner's file cannot be written. */
  appendSummary(markdown: string): void;
  /**
   * Prints text another program wrote (a server's log) in a collapsed group, with workflow
   * commands switched off so nothing in it is taken for one.
   */
  group(title: string, text: string): void;
  /** Marks the step failed (exit code) without a message of its own. */
  setExitCode(code: number): void;
}

/** The real runner, through @actions/core's public entry point. */
export const runnerIO: RunnerIO = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  exportVariable: (name, value) => core.exportVariable(name, value),
  annotate: (level, message, title) => core[level](message, title ? { title } : {}),
  info: (message) => core.info(message),
  isDebug: () => core.isDebug(),
  debug: (message) => core.debug(message),
  appendSummary: (markdown) => {
    // Synchronous on purpose: core.summary buffers and writes asynchronously, and a summary
    // must never be half-written when the step ends.
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, markdown, { encoding: 'utf8' });
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
};
