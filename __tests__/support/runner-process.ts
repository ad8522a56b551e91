/**
 * The real runner protocol in-process: the action's steps run through the real RunnerIO
 * (@actions/core) with this process's environment set as the runner sets it — INPUT_* for
 * every input of action.yml, STATE_* for a post step, and the runner's files as real temp
 * files — and stdout recorded. Only the runner itself is missing; everything is put back after.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileCommands } from './file-commands.js';
import { actionInputDefaults, inputEnvName, runnerFiles } from './run-built.js';

export interface RunnerStep {
  dir: string;
  /** What the step printed (workflow commands included). */
  stdout(): string;
  outputs(): Record<string, string>;
  exported(): Record<string, string>;
  state(): Record<string, string>;
  summary(): string;
  /** The exit code the step set (process.exitCode), then cleared. */
  exitCode: number | undefined;
}

/**
 * Runs `step` as the runner would, with these inputs (the action's defaults for the rest) and,
 * for a post step, the state its main step saved. The files live in a fresh directory, removed
 * afterwards unless `keep` (to read them after).
 */
export async function asRunnerStep(
  step: () => Promise<void>,
  inputs: Record<string, string>,
  options: { state?: Record<string, string>; env?: Record<string, string>; yml?: string } = {},
): Promise<RunnerStep> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-runner-step-'));
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  let printed = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    printed += String(chunk);
    return true;
  });
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  let exitCode: number | undefined;
  try {
    for (const name of Object.keys(process.env))
      if (/^(INPUT_|STATE_|GITHUB_)/.test(name)) delete process.env[name];
    Object.assign(process.env, runnerFiles(dir), { RUNNER_TEMP: dir }, options.env);
    const all = { ...actionInputDefaults(options.yml), ...inputs };
    for (const [name, value] of Object.entries(all)) process.env[inputEnvName(name)] = value;
    for (const [name, value] of Object.entries(options.state ?? {}))
      process.env[`STATE_${name}`] = value;
    process.exitCode = undefined;
    await step();
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
    const files = {
      output: read('output'),
      env: read('env'),
      state: read('state'),
      summary: read('summary'),
    };
    return {
      dir,
      stdout: () => printed,
      outputs: () => parseFileCommands(files.output),
      exported: () => parseFileCommands(files.env),
      state: () => parseFileCommands(files.state),
      summary: () => files.summary,
      exitCode,
    };
  } finally {
    write.mockRestore();
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  }
}
