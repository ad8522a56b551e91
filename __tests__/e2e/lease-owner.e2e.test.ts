// Who owns the built CLI's leases when a long-lived shell runs it under a real wrapper: the
// lease must follow that shell (not the wrapper, which exits with the CLI), a second job must
// get the other port of a two-port range while the shell lives, and once the shell exits its
// lease is reclaimed. Inside a pid namespace there is no owner: a warning and a TTL-only lease.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLeaseRegistry } from '../../src/lease/lease-registry.js';
import { ACTION, CLI, inputEnvName, runCli } from '../support/run-built.js';
import { parseFileCommands } from '../support/file-commands.js';
import { testNeeds, type Need } from '../support/needs.js';
import { osPickedPort } from '../support/holder-process.js';

let base: string;
let dir: string;
const started: ChildProcess[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'pg-owner-'));
  // Readable by the unprivileged user of the setpriv case; the lease dir like /tmp.
  chmodSync(base, 0o755);
  dir = path.join(base, 'leases');
  mkdirSync(dir);
  chmodSync(dir, 0o1777);
});
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

const NODE = process.execPath;

/** A long-lived shell reading commands from its stdin, as a CI job's shell runs its script. */
interface Shell {
  pid: number;
  /** Runs `command` (output redirected by the caller) and resolves once it finished. */
  run(command: string): Promise<void>;
  exit(): Promise<void>;
}

let marks = 0;

async function startShell(): Promise<Shell> {
  const child = spawn('/bin/bash', ['--norc', '--noprofile'], {
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: base,
  });
  started.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    async run(command) {
      const mark = path.join(base, `done-${++marks}`);
      child.stdin.write(`${command}\ntouch ${mark}\n`);
      for (let i = 0; !existsSync(mark); i++) {
        if (child.exitCode !== null) throw new Error(`the shell exited running: ${command}`);
        await new Promise((r) => setTimeout(r, Math.min(10 + i, 50)));
      }
    },
    exit() {
      child.stdin.end();
      return exited;
    },
  };
}

/** The CLI asking for one auto port from the two-port range, sequential: the lower one first. */
function cliArgs(range: [number, number], spec = 'w=auto'): string {
  return `${NODE} ${CLI} --lease-dir ${dir} --fallback-range ${range[0]}-${range[0]},${range[1]}-${range[1]} --fallback-strategy sequential --format env ${spec}`;
}

const portIn = (file: string): number => {
  const text = readFileSync(path.join(base, file), 'utf8').trim();
  return Number(/(\d+)\s*$/.exec(text)?.[1]);
};
const leaseOf = (port: number) =>
  JSON.parse(readFileSync(path.join(dir, `tcp-${port}.lease`), 'utf8'));

async function twoPorts(): Promise<[number, number]> {
  const a = await osPickedPort();
  let b = await osPickedPort();
  while (b === a) b = await osPickedPort();
  return a < b ? [a, b] : [b, a];
}

/** A package whose script runs the CLI, and whose bin is the CLI (for npx). */
function npmPackage(range: [number, number]): string {
  const pkg = path.join(base, 'pkg');
  mkdirSync(path.join(pkg, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: 'owner-e2e', version: '1.0.0', scripts: { pg: cliArgs(range) } }),
  );
  symlinkSync(CLI, path.join(pkg, 'node_modules', '.bin', 'port-guard'));
  return pkg;
}

type Wrapper = (cmd: string, range: [number, number]) => string;

/** Every case runs a POSIX shell and makes a sticky lease dir. */
const needs = (...more: Need[]) => testNeeds('posix-modes', ...more);

const WRAPPERS: Array<[string, Wrapper, ReturnType<typeof testNeeds>]> = [
  ['timeout', (cmd) => `timeout 60 ${cmd} > out1`, needs('timeout')],
  ['/usr/bin/time', (cmd) => `/usr/bin/time -o /dev/null ${cmd} > out1`, needs('time')],
  ['nice', (cmd) => `nice -n 1 ${cmd} > out1`, needs('nice')],
  ['env', (cmd) => `env PG_E2E=1 ${cmd} > out1`, needs('env')],
  ['$(… | cut)', (cmd) => `echo "$(${cmd} | cut -d= -f2)" > out1`, needs('cut')],
  ['xargs', (cmd) => `echo w=auto | xargs ${cmd.replace(/ w=auto$/, '')} > out1`, needs('xargs')],
  [
    'xargs sh -c',
    (cmd) => `echo w=auto | xargs sh -c '${cmd.replace(/ w=auto$/, '')} "$0"; true' > out1`,
    needs('xargs'),
  ],
  ['flock', (cmd) => `flock ${base}/lock ${cmd} > out1`, needs('flock')],
  ['bash -c', (cmd) => `bash -c '${cmd} > out1; true'`, needs()],
  [
    'npm run',
    (_cmd, range) => `npm --prefix ${npmPackage(range)} run --silent pg > out1`,
    needs('npm'),
  ],
  [
    'npx (offline, a local bin)',
    (cmd, range) =>
      `(cd ${npmPackage(range)} && npx --offline port-guard ${cmd.split(` ${CLI} `)[1]}) > out1`,
    needs('npx'),
  ],
  ['runuser', (cmd) => `runuser -u root -- ${cmd} > out1`, needs('root', 'runuser')],
  [
    'setpriv (as nobody)',
    (cmd) => `setpriv --reuid=65534 --regid=65534 --clear-groups ${cmd} > out1`,
    needs('root', 'setpriv'),
  ],
];

describe.each(WRAPPERS)('under %s', (_name, wrap, caseTest) => {
  caseTest(
    'the lease follows the job shell; a second job gets the other port; it is reclaimed after the shell exits',
    async () => {
      const range = await twoPorts();
      const first = await startShell();
      await first.run(`${wrap(cliArgs(range), range)} 2> err1`);
      const port = portIn('out1');
      expect(readFileSync(path.join(base, 'err1'), 'utf8')).toBe('');
      expect(port).toBe(range[0]);
      // (a) the shell owns it, with its start time: not the wrapper, npm or a subshell.
      expect(leaseOf(port).owner).toEqual({ pid: first.pid, pidStart: expect.any(String) });

      // (b) a later job (another shell) asking the same range gets the other port.
      const second = await startShell();
      await second.run(`${cliArgs(range)} > out2 2> err2`);
      expect(portIn('out2')).toBe(range[1]);
      expect(leaseOf(range[1]).owner.pid).toBe(second.pid);

      // The first shell asking again for its port by number: its own lease, kept.
      await first.run(`${cliArgs(range, `w=${port}`)} > again 2> again-err`);
      expect(portIn('again')).toBe(port);
      expect(leaseOf(port).owner.pid).toBe(first.pid);

      // (c) the shell is gone: its lease is stale and the port is handed out again.
      await first.exit();
      const third = await runCli(['--lease-dir', dir, '--format', 'env', `w=${port}`]);
      expect(third).toMatchObject({ code: 0, stdout: `W=${port}\n` });
      expect(leaseOf(port).owner.pid).toBe(process.pid);
      await second.exit();
    },
    60_000,
  );
});

const inNamespace = testNeeds('linux', 'root', 'unshare');

inNamespace(
  'inside `unshare -pf` there is no owner: a warning, a TTL-only lease, `release` ends it',
  async () => {
    const range = await twoPorts();
    const shell = await startShell();
    await shell.run(`unshare -pf --mount-proc ${cliArgs(range)} > out1 2> err1`);
    const port = portIn('out1');
    expect(port).toBe(range[0]);
    expect(readFileSync(path.join(base, 'err1'), 'utf8')).toBe(
      "warning: no long-lived owner found for the leases (its parent pid is 0: outside this pid namespace, or no parent process): they last until lease-ttl (21600s) or `port-guard release`; name the job's shell with --owner PID\n",
    );
    expect(leaseOf(port).owner).toEqual({ pid: 0 });
    await shell.exit();

    // Nobody's process ends it: another job gets the other port, and asking for it is a conflict.
    const other = await runCli([
      '--lease-dir',
      dir,
      '--fallback-range',
      `${range[0]}-${range[0]},${range[1]}-${range[1]}`,
      '--fallback-strategy',
      'sequential',
      '--format',
      'env',
      'w=auto',
    ]);
    expect(other).toMatchObject({ code: 0, stdout: `W=${range[1]}\n` });
    const taken = await runCli(['--lease-dir', dir, `w=${port}`]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(
      `port ${port}/tcp is leased until its lease-ttl (it follows no process)`,
    );

    // Another job's lease that follows no process either (the action in a container).
    const theirs = await osPickedPort();
    const job = await openLeaseRegistry({
      dir,
      ttlSeconds: 600,
      owner: { pid: 0, id: 'github:o/r:1:1:db:r#s' },
    });
    expect(await job.acquire(theirs, 'tcp')).toEqual({ acquired: true });

    // `release` from the same kind of place (no owner either) gives back only the ownerless one.
    const release = await new Promise<string>((resolve) =>
      execFile(
        'unshare',
        ['-pf', '--mount-proc', NODE, CLI, 'release', '--lease-dir', dir],
        (_e, stdout) => resolve(stdout),
      ),
    );
    expect(release).toBe(
      `released ${port}/tcp (leased until its lease-ttl (it follows no process))\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(
      [`tcp-${range[1]}.lease`, `tcp-${theirs}.lease`].sort(),
    );
  },
  60_000,
);

needs()(
  '--owner names the process; a bad one is a usage error naming --owner and the value',
  async () => {
    const range = await twoPorts();
    const shell = await startShell();
    const good = await runCli([
      '--lease-dir',
      dir,
      '--owner',
      String(shell.pid),
      '--format',
      'env',
      `w=${range[0]}`,
    ]);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(leaseOf(range[0]).owner.pid).toBe(shell.pid);

    for (const [value, problem] of [
      ['abc', '--owner: "abc" is not a process id (a positive integer)'],
      ['0', '--owner: "0" is not a process id (a positive integer)'],
      ['1073741824', '--owner: "1073741824": no such process is running'],
    ]) {
      for (const sub of [[], ['release']]) {
        const bad = await runCli([
          ...sub,
          '--lease-dir',
          dir,
          '--owner',
          value,
          ...(sub.length ? [] : [`w=${range[1]}`]),
        ]);
        expect(bad).toMatchObject({ code: 2, stdout: '', stderr: `port-guard: ${problem}\n` });
      }
    }
    expect(readdirSync(dir)).toEqual([`tcp-${range[0]}.lease`]);
    const release = await runCli(['release', '--lease-dir', dir, '--owner', String(shell.pid)]);
    expect(release.stdout).toBe(`released ${range[0]}/tcp (leased by pid ${shell.pid})\n`);
    expect(readdirSync(dir)).toEqual([]);
    await shell.exit();
  },
  60_000,
);

describe("the action: a second step of the same job reuses its job's lease", () => {
  let steps = 0;
  /** One step of the job `job`: its own file-command files, the runner's variables. */
  function stepEnv(
    values: Record<string, string>,
    job = 'e2e',
    state: Record<string, string> = {},
  ) {
    const step = path.join(base, `step-${++steps}`);
    mkdirSync(step);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    for (const name of ['OUTPUT', 'STATE', 'ENV', 'STEP_SUMMARY']) {
      const file = path.join(step, name.toLowerCase());
      writeFileSync(file, '');
      env[`GITHUB_${name}`] = file;
    }
    Object.assign(env, {
      GITHUB_REPOSITORY: 'octo-org/repo',
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: job,
      RUNNER_NAME: 'runner-1',
    });
    for (const [k, v] of Object.entries(values)) env[inputEnvName(k)] = v;
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    return { env, state: () => parseFileCommands(readFileSync(path.join(step, 'state'), 'utf8')) };
  }
  function runAction(env: NodeJS.ProcessEnv, prefix: string[] = []) {
    const [file, ...args] = [...prefix, NODE, ACTION];
    return new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(file, args, { env }, (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
      ),
    );
  }
  const inputs = (port: number) => ({ ports: `web=${port}`, 'lease-dir': dir, summary: 'false' });

  needs()(
    "owner: the runner worker (the action's parent)",
    async () => {
      const [port] = await twoPorts();
      const one = stepEnv(inputs(port));
      expect((await runAction(one.env)).code).toBe(0);
      const lease = readFileSync(path.join(dir, `tcp-${port}.lease`), 'utf8');
      expect(JSON.parse(lease).owner).toMatchObject({
        pid: process.pid,
        id: one.state().leaseOwner,
      });

      const two = stepEnv(inputs(port));
      const second = await runAction(two.env);
      expect(second.stdout).not.toContain('::error');
      expect(second.code).toBe(0);
      expect(readFileSync(path.join(dir, `tcp-${port}.lease`), 'utf8')).toBe(lease);

      // The second step's post step leaves the first step's lease; the first step's post ends it.
      const post = (s: typeof one) => runAction(stepEnv({}, 'e2e', s.state()).env);
      await post(two);
      expect(readdirSync(dir)).toEqual([`tcp-${port}.lease`]);
      await post(one);
      expect(readdirSync(dir)).toEqual([]);
    },
    60_000,
  );

  inNamespace(
    "in a pid namespace (parent pid 0): the job's id owns it; the post step releases it",
    async () => {
      const [port] = await twoPorts();
      const unshare = ['unshare', '-pf', '--mount-proc'];
      const one = stepEnv(inputs(port));
      expect((await runAction(one.env, unshare)).code).toBe(0);
      const lease = JSON.parse(readFileSync(path.join(dir, `tcp-${port}.lease`), 'utf8'));
      expect(lease.owner.pid).toBe(0);
      expect(lease.owner.id).toBe(one.state().leaseOwner);
      expect(lease.owner.id).toMatch(/^github:octo-org\/repo:123:1:e2e:runner-1#[0-9a-f-]{36}$/);

      // Its own job's next step: the job's lease. Another job: a conflict naming the job.
      const two = stepEnv(inputs(port));
      expect((await runAction(two.env, unshare)).code).toBe(0);
      const other = await runAction(stepEnv(inputs(port), 'other').env, unshare);
      expect(other.code).toBe(1);
      expect(other.stdout).toContain(`port ${port}/tcp is leased by octo-org/repo run 123 job e2e`);

      await runAction(stepEnv({}, 'e2e', one.state()).env, unshare);
      expect(readdirSync(dir)).toEqual([]);
    },
    60_000,
  );
});
