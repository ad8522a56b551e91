import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { isOwnerAlive, parseProcStat, processIdentity } from '../../src/lease/process-identity.js';
import type { ToolResult, ToolRunner } from '../../src/system/run-tool.js';
import { testNeeds } from '../support/needs.js';

const run = promisify(execFile);
const linux = process.platform === 'linux';
const onLinux = testNeeds('linux', 'python3');

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** Starts python3 with `code`, resolves with its first line of output. */
function python(code: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve({ child, line: chunk.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`python3 exited ${code}`)));
  });
}

/** A pid that existed a moment ago and no longer does. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

test('parseProcStat counts fields from the last parenthesis, whatever the command name holds', () => {
  const fields = Array.from({ length: 50 }, (_, i) => String(i + 1));
  fields[2] = 'S';
  fields[21] = '123456';
  const line = ['4711', '(a) b (c) 9 9)', ...fields.slice(2)].join(' ');
  expect(parseProcStat(line)).toEqual({ state: 'S', startTicks: '123456' });
  expect(parseProcStat('garbage')).toBeUndefined();
  expect(parseProcStat('1 (x) S 1 2')).toBeUndefined();
});

onLinux('a process named "a) b (c 7" gets the start time ps reports for it', async () => {
  // PR_SET_NAME (15) puts parentheses and spaces into field 2 of /proc/<pid>/stat.
  const { child } = await python(
    "import ctypes,time; ctypes.CDLL(None).prctl(15, b'a) b (c 7', 0, 0, 0); print('ok', flush=True); time.sleep(60)",
  );
  expect(readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim()).toBe('a) b (c 7');
  const identity = await processIdentity(child.pid!);
  expect(identity?.pid).toBe(child.pid);
  const ticks = Number(identity!.start!.split('@')[0]);

  const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
  const hz = Number((await run('getconf', ['CLK_TCK'])).stdout.trim());
  const { stdout } = await run('ps', ['-o', 'lstart=', '-p', String(child.pid)], {
    env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
  });
  const psStart = Date.parse(`${stdout.trim()} UTC`) / 1000;
  expect(Math.abs(btime + ticks / hz - psStart)).toBeLessThanOrEqual(2);
});

testNeeds('python3')(
  'the same process always gets the same identity; another process a different one',
  async () => {
    const me = await processIdentity(process.pid);
    expect(me).toEqual(await processIdentity(process.pid));
    if (linux) expect(me?.start).toMatch(/^\d+@[0-9a-f]{8}$/);
    const { child } = await python("print('ok', flush=True); import time; time.sleep(60)");
    const other = await processIdentity(child.pid!);
    expect(other?.pid).toBe(child.pid);
    if (linux) expect(other?.start).not.toBe(me?.start);
  },
);

test('a process that exited has no identity', async () => {
  expect(await processIdentity(await exitedPid())).toBeUndefined();
  expect(await processIdentity(0)).toBeUndefined();
  expect(await processIdentity(-5)).toBeUndefined();
});

onLinux('a zombie (exited, not yet reaped) has no identity', async () => {
  const { line } = await python(
    'import os,time\npid=os.fork()\nif pid==0: os._exit(0)\ntime.sleep(0.2); print(pid, flush=True); time.sleep(60)',
  );
  const zombie = Number(line);
  expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
  expect(await processIdentity(zombie)).toBeUndefined();
});

test('isOwnerAlive: matching start alive; other start (reused pid) or gone pid dead', async () => {
  const me = (await processIdentity(process.pid))!;
  expect(await isOwnerAlive({ pid: process.pid, pidStart: me.start })).toBe(true);
  expect(await isOwnerAlive({ pid: process.pid })).toBe(true);
  if (me.start !== undefined) {
    expect(await isOwnerAlive({ pid: process.pid, pidStart: `${me.start}0` })).toBe(false);
  }
  expect(await isOwnerAlive({ pid: await exitedPid() })).toBe(false);
});

describe('macOS and the BSDs: /bin/ps by absolute path; a failed look-up is never "dead"', () => {
  const calls: Array<{ command: string; args: string[]; env?: NodeJS.ProcessEnv }> = [];
  const answer =
    (result: ToolResult): ToolRunner =>
    (command, args, options) => {
      calls.push({ command, args, ...(options.env ? { env: options.env } : {}) });
      return Promise.resolve(result);
    };
  const darwin = (result: ToolResult) => ({ platform: 'darwin' as const, run: answer(result) });

  test('a ps that times out, cannot start or fails: a live owner stays alive', async () => {
    const owner = { pid: process.pid, pidStart: 'Wed Dec 2 00:00:00 2026' };
    for (const result of [
      { code: null, stdout: '', failure: 'timeout' },
      { code: null, stdout: '', failure: 'EAGAIN' },
      { code: 1, stdout: '' },
    ])
      expect(await isOwnerAlive(owner, darwin(result))).toBe(true);
    expect(calls[0]).toEqual({
      command: '/bin/ps',
      args: ['-o', 'lstart=', '-p', String(process.pid)],
      env: expect.objectContaining({ LC_ALL: 'C', TZ: 'UTC' }),
    });
  });

  test('a pid that runs nothing is dead whatever ps says', async () => {
    const pid = await exitedPid();
    expect(
      await isOwnerAlive({ pid }, darwin({ code: null, stdout: '', failure: 'timeout' })),
    ).toBe(false);
  });

  test('start times compare without the padding of a one-digit day', async () => {
    const ps = darwin({ code: 0, stdout: 'Wed Dec  2 00:53:40 2026\n' });
    expect(await processIdentity(process.pid, ps)).toEqual({
      pid: process.pid,
      start: 'Wed Dec 2 00:53:40 2026',
    });
    expect(await isOwnerAlive({ pid: process.pid, pidStart: 'Wed Dec  2 00:53:40 2026' }, ps)).toBe(
      true,
    );
    expect(await isOwnerAlive({ pid: process.pid, pidStart: 'Wed Dec 2 00:53:41 2026' }, ps)).toBe(
      false,
    );
  });
});
