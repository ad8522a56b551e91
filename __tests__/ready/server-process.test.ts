/** Starting a server detached with its output in a log, and stopping its whole process group. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastLines } from '../../src/ready/log-tail.js';
import { parseShell } from '../../src/ready/ready-options.js';
import { parseServerRecord, startServer, stopServer } from '../../src/ready/server-process.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pg-server-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};

test('the server runs detached in its own group, its output in the log; stop ends the whole group', async () => {
  const logPath = join(dir, 'server.log');
  const node = process.execPath;
  // The shell starts a grandchild (in the same group) and stays: both must be stopped.
  const { child, record } = await startServer({
    command: `echo "server out"; echo "server err" >&2; "${node}" -e "setInterval(()=>{},1e9)" & echo "child $!"; wait`,
    shell: parseShell('bash', 'shell'),
    env: { PATH: process.env.PATH, PORT: '1234' },
    logPath,
  });
  child.unref();
  await waitFor(() => /child \d+/.test(readFileSync(logPath, 'utf8')));
  const grandchild = Number(/child (\d+)/.exec(readFileSync(logPath, 'utf8'))![1]);
  expect(alive(grandchild)).toBe(true);
  expect(readFileSync(logPath, 'utf8')).toContain('server out\nserver err\n');
  expect(parseServerRecord(JSON.stringify(record))).toEqual(record);
  expect(await stopServer(record)).toBe('stopped');
  await waitFor(() => !alive(grandchild));
  expect(alive(grandchild)).toBe(false);
  expect(await stopServer(record)).toBe('not-running');
});

test('a server that ignores SIGTERM is killed after the grace period', async () => {
  const { child, record } = await startServer({
    command: `trap '' TERM; echo ready; while :; do sleep 0.05; done`,
    shell: parseShell('bash', 'shell'),
    env: { PATH: process.env.PATH },
    logPath: join(dir, 'stubborn.log'),
  });
  child.unref();
  await waitFor(() => readFileSync(join(dir, 'stubborn.log'), 'utf8').includes('ready'));
  const began = Date.now();
  expect(await stopServer(record, { graceMs: 500 })).toBe('killed');
  expect(Date.now() - began).toBeGreaterThanOrEqual(500);
  expect(alive(record.pid)).toBe(false);
});

test('a record whose pid now belongs to another process is never signalled', async () => {
  expect(await stopServer({ pid: process.pid, start: 'not-my-start', logPath: '' })).toBe(
    'not-running',
  );
});

test('the last lines of a log, and nothing for a missing file', () => {
  const path = join(dir, 'long.log');
  writeFileSync(path, Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n') + '\n');
  expect(lastLines(path, 3)).toBe('line 97\nline 98\nline 99');
  expect(lastLines(path, 5, 20)).toBe('line 98\nline 99');
  expect(lastLines(join(dir, 'absent.log'))).toBe('');
});

test('an unknown shell, and cmd off Windows, are input errors naming the input', () => {
  expect(() => parseShell('fish', 'shell')).toThrow(
    'shell: "fish" is not one of bash, sh, pwsh, cmd',
  );
  expect(() => parseShell('cmd', 'shell', 'linux')).toThrow('shell: cmd exists only on Windows');
  expect(() => parseShell('bash', 'shell', 'linux', { PATH: 'relative/bin' })).toThrow(
    'shell: bash was not found on PATH',
  );
});
