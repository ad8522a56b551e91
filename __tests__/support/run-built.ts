/**
 * The one harness that runs the built bundles the way their users do: an action's dist/ as the
 * GitHub runner runs a step (INPUT_* for every input of its action.yml, the runner's files in a
 * fresh directory, STATE_* for a post step), and dist/cli/index.js as a shell would. Every run
 * gets its own directory (removed after the test file), with its own TMPDIR and lease dir, and
 * a clean environment; optionally under `strace`, to see every socket the run opened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseFileCommands } from './file-commands.js';
import { canTrace, systemEnv } from './needs.js';

export const ROOT = resolve(import.meta.dirname ?? '.', '..', '..');
export const ACTION = join(ROOT, 'dist', 'index.js');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');

/** An action of this repository: its bundle and its metadata. */
export interface BuiltAction {
  entry: string;
  yml: string;
}
export const MAIN_ACTION: BuiltAction = { entry: ACTION, yml: 'action.yml' };
export const WAIT_ACTION: BuiltAction = {
  entry: join(ROOT, 'wait', 'dist', 'index.js'),
  yml: 'wait/action.yml',
};

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
}

/** The inputs of an action.yml (the main action's unless told) with their defaults, as the runner passes them. */
export function actionInputDefaults(file = 'action.yml'): Record<string, string> {
  const yml = parse(readFileSync(join(ROOT, file), 'utf8')) as ActionYml;
  return Object.fromEntries(
    Object.entries(yml.inputs).map(([name, spec]) => [name, spec.default ?? '']),
  );
}

/** The variable the runner sets for an input: `INPUT_` + the name upper-cased, spaces to `_`. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Whether `strace` can trace a child here (absent on most CI images; ptrace may be forbidden). */
export const straceAvailable: boolean = canTrace();

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  /** The scratch directory of this run: the runner's files, TMPDIR, the lease dir. */
  dir: string;
  /** Where TMPDIR pointed: it starts empty. */
  tmp: string;
  /** Lines of the strace log of `socket()` calls for AF_INET/AF_INET6, when traced. */
  inetSockets?: string[];
  /** When traced: descriptors of AF_INET/AF_INET6 sockets still open when the process ended. */
  openAtExit?: number[];
}

/** A step's run: its result, the runner's files as written and as the runner reads them. */
export interface StepResult extends RunResult {
  /** The lease dir the step was given (`lease-dir`; the main action only). */
  leaseDir: string;
  /** GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY as written. */
  files: { output: string; env: string; state: string; summary: string };
  outputs: Record<string, string>;
  /** The variables exported for later steps (GITHUB_ENV). */
  env: Record<string, string>;
  /** The state saved for the post step (GITHUB_STATE). */
  state: Record<string, string>;
  summary: string;
}

/**
 * Reads an `strace -f -e trace=socket,close` log: which AF_INET/AF_INET6 socket descriptors were
 * never closed. Handles calls split by other threads (`<unfinished ...>` / `<... resumed>`).
 */
export function inetSocketsLeftOpen(log: string): number[] {
  const open = new Set<number>();
  const pendingSocket = new Set<string>();
  for (const line of log.split('\n')) {
    const tid = /^(\d+)\s/.exec(line)?.[1] ?? '';
    const inet = /socket\(AF_INET6?,/.test(line);
    if (inet && line.includes('<unfinished')) pendingSocket.add(tid);
    const resumed = /<\.\.\. socket resumed>.*= (\d+)/.exec(line);
    if (resumed && pendingSocket.delete(tid)) open.add(Number(resumed[1]));
    const done = /socket\(AF_INET6?,.*\) = (\d+)/.exec(line);
    if (done) open.add(Number(done[1]));
    const closed = /\sclose\((\d+)/.exec(line);
    if (closed) open.delete(Number(closed[1]));
  }
  return [...open];
}

export interface RunOptions {
  /** Trace socket() calls with strace (only when `straceAvailable`). */
  trace?: boolean;
  /** Added to (or overriding) the clean environment of the run. */
  env?: NodeJS.ProcessEnv;
  /** Called with the child once it runs, e.g. to signal it. */
  onSpawn?: (child: ChildProcess) => void;
  /**
   * Called on every chunk of output with all of it so far and the pid of the node process
   * itself (under strace, strace's child), e.g. to signal it once it says it is waiting.
   */
  onOutput?: (output: { stdout: string; stderr: string }, nodePid: () => number) => void;
  /** The run's directory (default: a fresh scratch directory). */
  dir?: string;
  /** Killed (SIGKILL) after this long; default 60 s. */
  timeoutMs?: number;
}

export interface StepOptions extends RunOptions {
  /** The action to run (default: the main one). */
  action?: BuiltAction;
  /** The state a main step saved: the post step gets it as STATE_* variables. */
  state?: Record<string, string>;
}

const scratchDirs: string[] = [];

/** A fresh directory under the OS temp dir, removed after the test file that made it. */
export function scratchDir(prefix = 'pg-run-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

// A test file that imports this module removes its scratch directories when it ends.
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: RunOptions,
  dir: string,
  tmp: string,
): Promise<RunResult> {
  const log = join(dir, 'strace.log');
  const traced = options.trace === true && straceAvailable;
  const file = traced ? 'strace' : process.execPath;
  const argv = traced
    ? ['-f', '-qq', '-e', 'trace=socket,close', '-o', log, process.execPath, script, ...args]
    : [script, ...args];
  return new Promise((done, fail) => {
    const child = spawn(file, argv, { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    let stdout = '';
    let stderr = '';
    const nodePid = (): number => {
      if (!traced) return child.pid!;
      const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
      return Number(kids.split(/\s+/)[0]);
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onOutput?.({ stdout, stderr }, nodePid);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      options.onOutput?.({ stdout, stderr }, nodePid);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    options.onSpawn?.(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = { code, signal, stdout, stderr, pid: child.pid!, dir, tmp };
      if (traced) {
        const text = readFileSync(log, 'utf8');
        result.inetSockets = text.split('\n').filter((l) => /socket\(AF_INET6?,/.test(l));
        result.openAtExit = inetSocketsLeftOpen(text);
      }
      done(result);
    });
  });
}

/**
 * A clean environment: PATH and HOME only (and what the OS needs, see systemEnv), so nothing of
 * this shell leaks into the run. The run's temp dir is TMPDIR, and TEMP/TMP, where Windows looks.
 */
function baseEnv(tmp: string): NodeJS.ProcessEnv {
  return {
    ...systemEnv(),
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    TMPDIR: tmp,
    ...(process.platform === 'win32' ? { TEMP: tmp, TMP: tmp } : {}),
  };
}

/** The run's directory and its empty TMPDIR. */
function runDir(options: RunOptions): { dir: string; tmp: string } {
  const dir = options.dir ?? scratchDir();
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return { dir, tmp };
}

/** The runner's files of a step in `dir`, created empty. */
export function runnerFiles(dir: string): Record<string, string> {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return files;
}

/**
 * The environment the runner gives a step of `action` whose files and temp dir are in `dir`:
 * every input as INPUT_* (defaults from its action.yml), the runner's files, the job's identity.
 */
export function runnerEnv(
  inputs: Record<string, string>,
  dir: string,
  action: BuiltAction = MAIN_ACTION,
): NodeJS.ProcessEnv {
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(tmp),
    ...runnerFiles(dir),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    RUNNER_NAME: 'test-runner',
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries({ ...actionInputDefaults(action.yml), ...inputs }))
    env[inputEnvName(name)] = value;
  return env;
}

/**
 * Runs an action's step (the main action unless told) as the runner does. The main action's
 * lease dir is `<dir>/leases` unless `lease-dir` is given; with `state`, it is a post step.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: StepOptions = {},
): Promise<StepResult> {
  const action = options.action ?? MAIN_ACTION;
  const { dir } = runDir(options);
  const leaseDir = inputs['lease-dir'] ?? join(dir, 'leases');
  const all = action === MAIN_ACTION ? { 'lease-dir': leaseDir, ...inputs } : inputs;
  const env = { ...runnerEnv(all, dir, action), ...options.env };
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  const result = await runNode(action.entry, [], env, options, dir, join(dir, 'tmp'));
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const files = {
    output: read('output'),
    env: read('env'),
    state: read('state'),
    summary: read('summary'),
  };
  return {
    ...result,
    leaseDir,
    files,
    outputs: parseFileCommands(files.output),
    env: parseFileCommands(files.env),
    state: parseFileCommands(files.state),
    summary: files.summary,
  };
}

const LEASE_DIR_COMMANDS = new Set(['exec', 'who', 'release']);

/**
 * The CLI's arguments with `--lease-dir DIR` added where the command takes one and none is
 * given: the default lease dir is the host's real /tmp/port-guard, which a test never touches.
 */
export function withTestLeaseDir(args: readonly string[], dir: string): string[] {
  const end = args.indexOf('--');
  const own = end === -1 ? args : args.slice(0, end);
  if (
    own.some(
      (a) =>
        a === '--lease-dir' || a.startsWith('--lease-dir=') || /^(-h|--help|--version)$/.test(a),
    )
  )
    return [...args];
  const first = args[0];
  if (first === 'wait') return [...args];
  const at = first !== undefined && LEASE_DIR_COMMANDS.has(first) ? 1 : 0;
  return [...args.slice(0, at), '--lease-dir', dir, ...args.slice(at)];
}

/** Runs the post step of `main` with the state it saved, its lease dir and its inputs. */
export function runPost(
  main: StepResult,
  inputs: Record<string, string> = {},
  options: StepOptions = {},
): Promise<StepResult> {
  return runAction({ 'lease-dir': main.leaseDir, ...inputs }, { state: main.state, ...options });
}

/** Runs dist/cli/index.js with these arguments in a fresh directory, TMPDIR its own and empty;
 * its leases in `<tmp>/port-guard` unless the arguments name a lease dir. */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { dir, tmp } = runDir(options);
  const argv = withTestLeaseDir(args, join(tmp, 'port-guard'));
  return runNode(CLI, argv, { ...baseEnv(tmp), ...options.env }, options, dir, tmp);
}

/** The `::error::` (or warning/notice) lines of a step's log. */
export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`::${level}`));
}
