/**
 * The action's main step in-process, through a recording RunnerIO: every check before any
 * side effect, exit 1 for input errors and conflicts, no stack trace in any annotation, a job
 * summary that cannot be written is only a warning.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/action/main.js';
import { fakeRunner, stackLines } from '../support/fake-fronts.js';

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runnerFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'pg-action-main-'));
  dirs.push(dir);
  return {
    dir,
    leases: join(dir, 'leases'),
    env: {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_ENV: join(dir, 'env'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    } as NodeJS.ProcessEnv,
  };
}

async function held(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return (server.address() as { port: number }).port;
}

test('an unwritable GITHUB_OUTPUT: one error naming the file, exit 1, nothing probed or leased', async () => {
  const { env, leases } = runnerFiles();
  mkdirSync(env.GITHUB_OUTPUT!);
  const port = await held();
  const io = fakeRunner({ ports: `web=${port}`, 'lease-dir': leases }, env);
  await run(io);
  expect(io.exitCode).toBe(1);
  expect(io.annotations).toEqual([
    {
      level: 'error',
      message: `port-guard: cannot write GITHUB_OUTPUT (${env.GITHUB_OUTPUT}): not a regular file`,
    },
  ]);
  expect(existsSync(leases)).toBe(false);
  expect(io.outputs).toEqual({});
});

test('export-env with an unwritable GITHUB_ENV fails before probing; without export-env it is not needed', async () => {
  const { env, leases } = runnerFiles();
  env.GITHUB_ENV = join(leases, 'missing-dir', 'env');
  const io = fakeRunner({ ports: 'api=auto', 'export-env': 'true', 'lease-dir': leases }, env);
  await run(io);
  expect(io.exitCode).toBe(1);
  expect(io.annotations[0].message).toMatch(/^port-guard: cannot write GITHUB_ENV \(.*\): ENOENT/);
  expect(existsSync(leases)).toBe(false);

  const plain = fakeRunner({ ports: 'api=auto', 'lease-dir': leases }, env);
  await run(plain);
  expect(plain.exitCode).toBeUndefined();
  expect(Number(plain.outputs.api)).toBeGreaterThan(0);
});

test('a job summary that cannot be written is a warning, never a failed step', async () => {
  const { env, leases } = runnerFiles();
  mkdirSync(env.GITHUB_STEP_SUMMARY!);
  const io = fakeRunner({ ports: 'api=auto', 'lease-dir': leases }, env);
  await run(io);
  expect(io.exitCode).toBeUndefined();
  expect(io.annotations).toEqual([
    {
      level: 'warning',
      message: expect.stringContaining('no job summary: cannot write GITHUB_STEP_SUMMARY'),
    },
  ]);
  expect(Number(io.outputs.api)).toBeGreaterThan(0);

  // A write that fails half-way (a full disk) is a warning too, and the outputs still come.
  const later = fakeRunner({ ports: 'api=auto', 'lease-dir': leases }, runnerFiles().env);
  later.failWrites.add('GITHUB_STEP_SUMMARY');
  await run(later);
  expect(later.exitCode).toBeUndefined();
  expect(later.annotations.map((a) => a.level)).toEqual(['warning']);
  expect(later.annotations[0].message).toContain('ENOSPC');
  expect(Number(later.outputs.api)).toBeGreaterThan(0);
});

test('an unexpected error: one annotation line, no stack trace (the stack goes to debug), exit 1', async () => {
  const { env } = runnerFiles();
  const io = fakeRunner({}, env);
  io.getInput = () => {
    throw new TypeError('boom in getInput');
  };
  await run(io);
  expect(io.exitCode).toBe(1);
  expect(io.annotations).toHaveLength(1);
  expect(io.annotations[0].message).toMatch(/^port-guard: internal error: boom in getInput/);
  expect(io.annotations[0].message).not.toContain('\n');
  expect(stackLines(io.annotations[0].message)).toEqual([]);
  expect(io.debugs.join('\n')).toContain('TypeError: boom in getInput');
});

test('a failed run writes only conflicts, exits 1, and lists every spec unassigned in the summary', async () => {
  const { env, leases } = runnerFiles();
  const port = await held();
  const io = fakeRunner({ ports: `db=${port}, api=auto, web=auto`, 'lease-dir': leases }, env);
  await run(io);
  expect(io.exitCode).toBe(1);
  expect(Object.keys(io.outputs)).toEqual(['conflicts']);
  expect(JSON.parse(io.outputs.conflicts)[0]).toMatchObject({
    name: 'db',
    port,
    code: 'EADDRINUSE',
  });
  const rows = io.summaries
    .join('')
    .split('\n')
    .filter((l) => /^\| (db|api|web) \|/.test(l));
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row).toMatch(/^\| \w+ \| \S+ \| — \|/);
  for (const a of io.annotations) expect(stackLines(a.message)).toEqual([]);
});

test('export-env applies the extended denylist (BASH_ENV, GIT_*, *_OPTIONS, PYTHON*, ...)', async () => {
  const { env, leases } = runnerFiles();
  const io = fakeRunner(
    {
      ports: 'bash_env=auto git_dir=auto java_tool_options=auto pythonpath=auto ifs=auto',
      'export-env': 'true',
      'lease-dir': leases,
    },
    env,
  );
  await run(io);
  expect(io.exitCode).toBe(1);
  expect(io.annotations.map((a) => a.message.match(/exported as (\w+)/)?.[1])).toEqual([
    'BASH_ENV',
    'GIT_DIR',
    'JAVA_TOOL_OPTIONS',
    'PYTHONPATH',
    'IFS',
  ]);
  expect(io.annotations.every((a) => a.title === 'port-guard: input export-env')).toBe(true);
  expect(existsSync(leases)).toBe(false);
});
