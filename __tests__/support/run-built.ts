/**
 * Runs the built bundles the way their users do: dist/index.js as the GitHub runner runs an
 * action step (INPUT_* variables for every input of action.yml, file commands in a temp dir),
 * and dist/cli/index.js as a shell would. Optionally under `strace`, to see every socket the
 * run opened.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { canTrace, systemEnv } from './needs.js';

export const ROOT = resolve(import.meta.dirname ?? '.', '..', '..');
export const ACTION = join(ROOT, 'dist', 'index.js');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');

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
  /** The scratch directory of this run: file commands, TMPDIR, the lease dir. */
  dir: string;
  /** Where TMPDIR pointed: it starts empty. */
  tmp: string;
  /** Lines of the strace log of `socket()` calls for AF_INET/AF_INET6, when traced. */
  inetSockets?: string[];
  /** When traced: descriptors of AF_INET/AF_INET6 sockets still open when the process ended. */
  openAtExit?: number[];
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
  env?: NodeJS.ProcessEnv;
  /** Called with the child once it runs, e.g. to signal it. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /**
   * Called on every chunk of output with all of stderr so far and the pid of the node process
   * itself (under strace, strace's child), e.g. to signal it once it says it is waiting.
   */
  onOutput?: (output: { stdout: string; stderr: string }, nodePid: () => number) => void;
  dir?: string;
}

const scratchDirs: string[] = [];

/** A fresh directory under the OS temp dir, removed after the test file that made it. */
export function scratchDir(prefix = 'pg-hardening-'): string {
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
    child.on('error', fail);
    options.onSpawn?.(child);
    child.on('close', (code, signal) => {
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
 * this shell leaks into the run. The temp dir is TMPDIR, and TEMP/TMP, where Windows looks.
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

/**
 * Runs dist/index.js as the runner runs a step: every input of action.yml (its default unless
 * given), GITHUB_OUTPUT/ENV/STATE/STEP_SUMMARY files in a fresh directory, TMPDIR empty.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<RunResult & { output: string; envFile: string; state: string; summary: string }> {
  const dir = options.dir ?? scratchDir();
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(tmp),
    ...files,
    GITHUB_ACTIONS: 'true',
    ...options.env,
  };
  // Never the host's real default lease dir: this run's own, where TMPDIR is.
  const leaseDir = { 'lease-dir': join(tmp, 'port-guard') };
  for (const [name, value] of Object.entries({ ...actionInputDefaults(), ...leaseDir, ...inputs }))
    env[inputEnvName(name)] = value;
  const result = await runNode(ACTION, [], env, options, dir, tmp);
  const read = (f: string) => readFileSync(f, 'utf8');
  return {
    ...result,
    output: read(files.GITHUB_OUTPUT),
    envFile: read(files.GITHUB_ENV),
    state: read(files.GITHUB_STATE),
    summary: read(files.GITHUB_STEP_SUMMARY),
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

/**
 * Runs dist/cli/index.js with these arguments, TMPDIR empty, in a fresh directory; its leases
 * in `<tmp>/port-guard` unless the arguments name a lease dir.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const dir = options.dir ?? scratchDir();
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const argv = withTestLeaseDir(args, join(tmp, 'port-guard'));
  return runNode(CLI, argv, { ...baseEnv(tmp), ...options.env }, options, dir, tmp);
}
