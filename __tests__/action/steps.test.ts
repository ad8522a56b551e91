/**
 * The action's main and post steps and the wait/ action in-process, through the real runner
 * protocol (real INPUT_ and STATE_ variables, real GITHUB_OUTPUT/STATE/ENV/STEP_SUMMARY files):
 * a `run` server started, waited for, stopped by the post step with its log and its leases
 * returned; a server that dies at start; the wait/ action ready, not ready, and given bad input.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as mainStep } from '../../src/action/main.js';
import { run as postStep } from '../../src/action/post.js';
import { run as waitStep } from '../../src/action/wait.js';
import { osPickedPort, serverCommand, writeServerScript } from '../support/holder-process.js';
import { fakeRunner, stackLines } from '../support/fake-fronts.js';
import { asRunnerStep } from '../support/runner-process.js';

let dir: string;
let script: string;
const servers: Server[] = [];
const pids: number[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pg-action-steps-'));
  script = writeServerScript(dir);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Stopped, as it should be.
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const leasesIn = (d: string) =>
  existsSync(d) ? readdirSync(d).filter((f) => !f.startsWith('.')) : [];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('run: main starts the server and returns once it listens; post stops it, prints its log, returns the leases', async () => {
  const leaseDir = join(dir, 'leases-run');
  const main = await asRunnerStep(
    mainStep,
    {
      ports: 'web=auto',
      'lease-dir': leaseDir,
      run: serverCommand(script, { port: 0, portEnv: 'WEB', hosts: ['127.0.0.1', '::1'] }),
    },
    { env: { RUNNER_TEMP: dir } },
  );
  const web = main.outputs().web;
  expect(main.exitCode).toBeUndefined();
  expect(main.stdout()).toContain(`port-guard: started the server (pid `);
  expect(main.stdout()).toContain(`web: port ${web}/tcp is ready: accepts connections on`);
  const state = main.state();
  const server = JSON.parse(state.server) as { pid: number };
  pids.push(server.pid);
  expect(state.isPost).toBe('true');
  expect(alive(server.pid)).toBe(true);
  expect(leasesIn(leaseDir)).toHaveLength(1);
  expect(main.summary()).toContain('| web |');

  const post = await asRunnerStep(postStep, { 'lease-dir': leaseDir }, { state });
  expect(post.exitCode).toBeUndefined();
  expect(post.stdout()).toContain(`port-guard: the server (pid ${server.pid}) stopped (SIGTERM)`);
  expect(post.stdout()).toMatch(
    /::group::port-guard: output of the server \(.*\)\n::stop-commands::[\w-]+\nlistening\n/,
  );
  expect(post.stdout()).toContain('port-guard: released 1 lease(s): ');
  expect(alive(server.pid)).toBe(false);
  expect(leasesIn(leaseDir)).toEqual([]);
});

test('run: a server that exits at start fails the step with its code and its last lines; nothing is left', async () => {
  const leaseDir = join(dir, 'leases-dies');
  const main = await asRunnerStep(
    mainStep,
    {
      ports: 'web=auto',
      'lease-dir': leaseDir,
      run: serverCommand(script, { port: 0, portEnv: 'PORT', exitCode: 1 }),
    },
    { env: { RUNNER_TEMP: dir } },
  );
  expect(main.exitCode).toBe(1);
  const errors = main
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('title=port-guard%3A the server is not ready');
  expect(errors[0]).toContain('exited with code 1 before every port was ready');
  expect(errors[0]).toContain('fatal: cannot open config.yml');
  expect(main.outputs().web).toBeUndefined();
  expect(leasesIn(leaseDir)).toEqual([]);
});

test('run with ready-timeout 0: started, not waited for; the post step stops it', async () => {
  const leaseDir = join(dir, 'leases-nowait');
  const main = await asRunnerStep(
    mainStep,
    {
      ports: 'web=auto',
      'lease-dir': leaseDir,
      'ready-timeout': '0',
      run: serverCommand(script, { port: 0, portEnv: 'PORT', delayMs: 600_000 }),
    },
    { env: { RUNNER_TEMP: dir } },
  );
  expect(main.exitCode).toBeUndefined();
  expect(main.stdout()).toContain('port-guard: ready-timeout is 0: not waiting for the server');
  const state = main.state();
  const { pid } = JSON.parse(state.server) as { pid: number };
  pids.push(pid);
  const post = await asRunnerStep(postStep, { 'lease-dir': leaseDir }, { state });
  expect(post.stdout()).toContain(`port-guard: the server (pid ${pid}) stopped (SIGTERM)`);
  expect(post.stdout()).toContain('(no output)');
  expect(alive(pid)).toBe(false);
  expect(leasesIn(leaseDir)).toEqual([]);
});

test('post: a state it cannot read is a warning, never a failed job', async () => {
  const post = await asRunnerStep(postStep, {}, { state: { handedOut: '{not json' } });
  expect(post.exitCode).toBeUndefined();
  const warnings = post
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('::warning'));
  expect(warnings.length).toBeLessThanOrEqual(1);
  expect(post.stdout()).not.toContain('::error');
});

const WAIT = { yml: 'wait/action.yml' };

test('the wait/ action: ready for a server started elsewhere', async () => {
  const server = createServer((c) => c.end());
  await new Promise<void>((r) => server.listen({ port: 0, host: '::' }, r));
  servers.push(server);
  const { port } = server.address() as { port: number };
  const step = await asRunnerStep(waitStep, { ports: `web=${port}`, timeout: '10' }, WAIT);
  expect(step.exitCode).toBeUndefined();
  expect(step.stdout()).toContain(`web: port ${port}/tcp is ready: accepts connections on`);
});

test('the wait/ action: not ready in time is one error; bad input names the input', async () => {
  const port = await osPickedPort();
  const late = await asRunnerStep(waitStep, { ports: String(port), timeout: '1' }, WAIT);
  expect(late.exitCode).toBe(1);
  const errors = late
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('::error'));
  expect(errors).toEqual([expect.stringContaining('title=port-guard%3A not ready')]);
  expect(errors[0]).toContain('not ready after 1 s');

  const bad = await asRunnerStep(waitStep, { ports: '3000', timeout: '-5' }, WAIT);
  expect(bad.exitCode).toBe(1);
  expect(
    bad
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('::error')),
  ).toEqual([expect.stringContaining('title=port-guard%3A input timeout')]);
});

test('the wait/ action: an unexpected error is one error line (the stack only in debug) and exit 1', async () => {
  const io = fakeRunner();
  io.getInput = () => {
    throw new TypeError('boom in getInput');
  };
  await waitStep(io);
  expect(io.exitCode).toBe(1);
  expect(io.annotations).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(/^port-guard: internal error: boom in getInput/),
    },
  ]);
  expect(io.annotations[0].message).not.toContain('\n');
});

test('post: an unexpected error is a warning, never a failed job', async () => {
  const io = fakeRunner();
  io.getState = () => {
    throw new TypeError('boom in getState');
  };
  await postStep(io);
  expect(io.exitCode).toBeUndefined();
  expect(io.annotations).toEqual([
    { level: 'warning', message: 'port-guard post step: boom in getState' },
  ]);
  expect(stackLines(io.annotations[0].message)).toEqual([]);
});
