// The built dist/ run the way the runner and a shell run it: leases taken by the main step,
// released by the post step (with the runner's STATE_* variables), and by `port-guard release`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openLeaseRegistry } from '../../src/lease/lease-registry.js';
import { holdPort } from '../support/holder-process.js';
import { CLI, runAction, runCli } from '../support/run-built.js';

let base: string;
let dir: string;
const started: ChildProcess[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'pg-lease-front-'));
  dir = path.join(base, 'leases');
});
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

/** The job's identity, as the leases record it. */
const JOB = { GITHUB_REPOSITORY: 'octo-org/repo', GITHUB_RUN_ID: '123', RUNNER_NAME: 'runner-1' };
/** An action step of this job (a post step with the state its main step saved). */
const step = (inputs: Record<string, string>, state?: Record<string, string>) =>
  runAction(inputs, { env: JOB, ...(state ? { state } : {}) });

const leaseFiles = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
const readLease = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));

/** A port the OS just said was free. */
function osPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('main step leases its ports for the runner worker; post step releases exactly its own and reports a still-bound port', async () => {
  const other = await openLeaseRegistry({
    dir,
    ttlSeconds: 3600,
    owner: { pid: process.pid, id: 'other-job' },
  });
  const otherPort = await osPort();
  expect(await other.acquire(otherPort, 'tcp')).toEqual({ acquired: true });

  const main = await step({
    ports: 'api=auto web=auto',
    'lease-dir': dir,
    'fallback-range': '20000-60000',
    summary: 'false',
  });
  expect(main.code).toBe(0);
  const outputs = main.outputs;
  const api = Number(outputs.api);
  const web = Number(outputs.web);
  expect(leaseFiles()).toEqual(
    [`tcp-${api}.lease`, `tcp-${otherPort}.lease`, `tcp-${web}.lease`].sort(),
  );
  const state = main.state;
  const lease = readLease(`tcp-${api}.lease`);
  // The action's parent (here: this test process, as the runner's worker) owns the lease.
  expect(lease.owner).toMatchObject({
    id: state.leaseOwner,
    pid: process.pid,
    repository: 'octo-org/repo',
    runId: '123',
    job: 'e2e',
    runner: 'runner-1',
  });

  const held = await holdPort({ host: '::', port: api }); // a server the job "forgot" to stop
  started.push(held.child);
  const server = held.pid;
  const post = await step({ ports: 'api=auto web=auto', 'lease-dir': dir }, state);
  expect(post.code).toBe(0);
  expect(post.stdout).toContain(
    `::notice::api: port ${api}/tcp is still bound at the end of the job, held by pid ${server} `,
  );
  expect(post.stdout).not.toContain(`port ${web}/tcp is still bound`);
  expect(post.stdout).toMatch(/released 2 lease\(s\)/);
  expect(leaseFiles()).toEqual([`tcp-${otherPort}.lease`]);
  expect(readLease(`tcp-${otherPort}.lease`).owner.id).toBe('other-job');
}, 60_000);

/** A live process standing for another job's owner (a lease of this test's pid is the action's own). */
async function otherOwner(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  started.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

test('a requested port leased by another job is a conflict naming that job', async () => {
  const port = await osPort();
  const other = await openLeaseRegistry({
    dir,
    ttlSeconds: 3600,
    owner: {
      pid: await otherOwner(),
      id: 'x',
      repository: 'octo-org/repo',
      runId: '77',
      job: 'db',
    },
  });
  await other.acquire(port, 'tcp');
  const main = await step({ ports: `db=${port}`, 'lease-dir': dir, summary: 'false' });
  expect(main.code).toBe(1);
  expect(main.stdout).toContain(
    `::error::db: port ${port}/tcp is leased by octo-org/repo run 77 job db`,
  );
  expect(leaseFiles()).toEqual([`tcp-${port}.lease`]);
}, 60_000);

test('lease: false takes no lease and creates no lease directory', async () => {
  const main = await step({
    ports: 'api=auto',
    lease: 'false',
    'lease-dir': dir,
    'fallback-range': '20000-60000',
    summary: 'false',
  });
  expect(main.code).toBe(0);
  expect(existsSync(dir)).toBe(false);
}, 60_000);

test('a symbolic-link lease-dir fails the main step with an input error naming it', async () => {
  const real = path.join(base, 'real');
  const link = path.join(base, 'link');
  mkdirSync(real);
  symlinkSync(real, link);
  const main = await step({ ports: 'api=auto', 'lease-dir': link, summary: 'false' });
  expect(main.code).toBe(1);
  expect(main.stdout).toContain(`input lease-dir::lease-dir "${link}" is a symbolic link`);
  expect(readdirSync(real)).toEqual([]);
}, 60_000);

test("CLI: leases belong to the calling shell; `release` drops only that shell's leases", async () => {
  // Another shell on the host, with a lease of its own.
  const shell = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  started.push(shell);
  await new Promise((resolve) => shell.once('spawn', resolve));
  const other = await openLeaseRegistry({ dir, ttlSeconds: 3600, owner: { pid: shell.pid! } });
  const otherPort = await osPort();
  expect(await other.acquire(otherPort, 'tcp')).toEqual({ acquired: true });

  const guard = await runCli([
    '--lease-dir',
    dir,
    '--fallback-range',
    '20000-60000',
    '--format',
    'env',
    'a=auto',
    'b=auto',
  ]);
  expect(guard.code).toBe(0);
  const ports = guard.stdout
    .trim()
    .split('\n')
    .map((line) => Number(line.split('=')[1]));
  expect(ports).toHaveLength(2);
  for (const port of ports) expect(readLease(`tcp-${port}.lease`).owner.pid).toBe(process.pid);

  // A second CLI run from the same shell asking for one of them by number: the shell's own
  // lease, re-probed and kept, never a conflict with itself (DESIGN "Leases").
  const before = readFileSync(path.join(dir, `tcp-${ports[0]}.lease`), 'utf8');
  const fixed = await runCli(['--lease-dir', dir, `x=${ports[0]}`]);
  expect(fixed.code).toBe(0);
  expect(readFileSync(path.join(dir, `tcp-${ports[0]}.lease`), 'utf8')).toBe(before);

  const one = await runCli(['release', '--lease-dir', dir, String(ports[0])]);
  expect(one.code).toBe(0);
  expect(one.stdout).toBe(`released ${ports[0]}/tcp (leased by pid ${process.pid})\n`);
  expect(leaseFiles()).toEqual([`tcp-${otherPort}.lease`, `tcp-${ports[1]}.lease`].sort());

  const rest = await runCli(['release', '--lease-dir', dir]);
  expect(rest.code).toBe(0);
  expect(rest.stdout).toBe(`released ${ports[1]}/tcp (leased by pid ${process.pid})\n`);
  expect(leaseFiles()).toEqual([`tcp-${otherPort}.lease`]);

  const bad = await runCli(['release', '--lease-dir', dir, '70000']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('release: "70000" is not a port; write PORT[/tcp|udp|both]');
}, 60_000);

test('CLI: two jobs asking for the same fixed port at once: exactly one gets it', async () => {
  const port = await osPort();
  // Two shells (two owners): the runs of one shell would share its lease.
  const owners = [await otherOwner(), await otherOwner()];
  const runs = await Promise.all(
    owners.map((owner) =>
      runCli(['--lease-dir', dir, '--owner', String(owner), '--format', 'env', `db=${port}`]),
    ),
  );
  const codes = runs.map((r) => r.code).sort();
  expect(codes).toEqual([0, 1]);
  const winner = owners[runs.findIndex((r) => r.code === 0)];
  const loser = runs.find((r) => r.code === 1)!;
  expect(loser.stderr).toContain(`db: port ${port}/tcp is leased by pid ${winner}`);
  expect(leaseFiles()).toEqual([`tcp-${port}.lease`]);
}, 60_000);

test("CLI under `npm exec` (npx): the leases belong to the shell that ran npm, not npm's own sh", async () => {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: os.tmpdir(),
    NODE_DISABLE_COMPILE_CACHE: '1',
  };
  const npmExec = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'npm',
        ['exec', '--yes', '--', 'node', CLI, ...args],
        { env },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const guard = await npmExec([
    '--lease-dir',
    dir,
    '--fallback-range',
    '20000-60000',
    '--format',
    'env',
    'a=auto',
  ]);
  expect(guard.code).toBe(0);
  const port = Number(guard.stdout.trim().split('=')[1]);
  // This test process plays the shell: npm's `sh -c` and npm itself are gone by now.
  expect(readLease(`tcp-${port}.lease`).owner.pid).toBe(process.pid);

  const release = await npmExec(['release', '--lease-dir', dir]);
  expect(release.code).toBe(0);
  expect(release.stdout).toBe(`released ${port}/tcp (leased by pid ${process.pid})\n`);
  expect(leaseFiles()).toEqual([]);
}, 60_000);
