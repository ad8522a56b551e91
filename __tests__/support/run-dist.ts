import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemEnv } from './needs.js';
import { actionInputDefaults, inputEnvName } from './run-built.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  dir: string;
}

/** Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file (`name<<DELIM` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    out[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** The environment the runner gives an action step: every input as INPUT_*, defaults from action.yml. */
export function runnerEnv(
  inputs: Record<string, string>,
  dir: string,
  yml = 'action.yml',
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...systemEnv(),
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    RUNNER_NAME: 'test-runner',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const [name, value] of Object.entries({ ...actionInputDefaults(yml), ...inputs })) {
    env[inputEnvName(name)] = value;
  }
  return env;
}

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 60000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
    });
  });
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

function collect(dir: string, r: { code: number; stdout: string; stderr: string }): RunResult {
  return {
    ...r,
    outputs: parseFileCommands(read(join(dir, 'output'))),
    env: parseFileCommands(read(join(dir, 'env'))),
    state: parseFileCommands(read(join(dir, 'state'))),
    summary: read(join(dir, 'summary')),
    dir,
  };
}

/** An action of this repository: its bundle and its metadata. */
export interface BuiltAction {
  entry: string;
  yml: string;
}
export const MAIN_ACTION: BuiltAction = { entry: 'dist/index.js', yml: 'action.yml' };
export const WAIT_ACTION: BuiltAction = { entry: 'wait/dist/index.js', yml: 'wait/action.yml' };

/** Runs a built action's main step (the main action's unless told) as the runner does. */
export async function runAction(
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
  action: BuiltAction = MAIN_ACTION,
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-action-'));
  for (const f of ['output', 'env', 'state', 'summary']) writeFileSync(join(dir, f), '');
  const leaseDir: Record<string, string> =
    action === MAIN_ACTION ? { 'lease-dir': join(dir, 'leases') } : {};
  const env = { ...runnerEnv({ ...leaseDir, ...inputs }, dir, action.yml), ...extraEnv };
  return collect(dir, await run(process.execPath, [action.entry], env));
}

/** Runs the post step with the state the main step saved, as STATE_* variables. */
export async function runPost(
  main: RunResult,
  inputs: Record<string, string> = {},
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-post-'));
  for (const f of ['output', 'env', 'state', 'summary']) writeFileSync(join(dir, f), '');
  const env = {
    ...runnerEnv({ 'lease-dir': join(main.dir, 'leases'), ...inputs }, dir),
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(main.state)) env[`STATE_${name}`] = value;
  return collect(dir, await run(process.execPath, ['dist/index.js'], env));
}

/** Runs the built CLI. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['dist/cli/index.js', ...args], {
    ...systemEnv(),
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...env,
  });
}

/** The `::error::` (or warning/notice) lines of a step's log. */
export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`::${level}`));
}
