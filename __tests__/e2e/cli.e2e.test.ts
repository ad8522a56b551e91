import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../../src/cli/usage.js';
import { holdPort, type HolderProcess } from '../support/holder-process.js';
import { parseFileCommands } from '../support/file-commands.js';
import { runCli, scratchDir } from '../support/run-built.js';

let held: HolderProcess[] = [];
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
});
const leaseDir = () => scratchDir('pg-cli-');

test('text: a table, exit 0', async () => {
  const r = await runCli(['--lease-dir', leaseDir(), 'web=auto', 'dns=auto/udp']);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^NAME\s+REQUESTED\s+ASSIGNED\s+PROTOCOL\s+STATUS\s+HELD BY$/);
  expect(lines[1]).toMatch(/^web\s+auto\s+\d+\s+tcp\s+auto$/);
  expect(lines[2]).toMatch(/^dns\s+auto\s+\d+\s+udp\s+auto$/);
});

test('env: NAME=PORT lines for eval and dotenv reports', async () => {
  const r = await runCli(['--format', 'env', '--lease-dir', leaseDir(), 'web-api=auto', 'x=auto']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^WEB_API=\d+\nX=\d+\n$/);
});

test('json: ok, ports, assignments, conflicts; exit 1 on a conflict', async () => {
  const h = await holdPort({ host: '127.0.0.1' });
  held.push(h);
  const r = await runCli(['--format', 'json', '--no-lease', `db=${h.port}`]);
  expect(r.code).toBe(1);
  const body = JSON.parse(r.stdout);
  expect(body.ok).toBe(false);
  expect(body.ports).toEqual({});
  expect(body.conflicts[0]).toMatchObject({
    name: 'db',
    port: h.port,
    protocol: 'tcp',
    code: 'EADDRINUSE',
  });
  expect(r.stderr).toContain(`error: db: port ${h.port}/tcp is in use`);
});

test('fallback through the CLI', async () => {
  const h = await holdPort({ host: '::1' });
  held.push(h);
  const r = await runCli([
    '--format',
    'json',
    '--on-conflict',
    'fallback',
    '--fallback-range',
    '41000-41999',
    '--lease-dir',
    leaseDir(),
    `db=${h.port}`,
  ]);
  expect(r.code).toBe(0);
  const port = JSON.parse(r.stdout).ports.db;
  expect(port).toBeGreaterThanOrEqual(41000);
  expect(r.stderr).toContain('→ using');
});

test('github: writes $GITHUB_OUTPUT like the action', async () => {
  const dir = leaseDir();
  const output = join(dir, 'out');
  writeFileSync(output, '');
  const r = await runCli(['--format', 'github', '--lease-dir', dir, 'api=auto'], {
    env: { GITHUB_OUTPUT: output },
  });
  expect(r.code).toBe(0);
  const outputs = parseFileCommands(readFileSync(output, 'utf8'));
  expect(Object.keys(outputs).sort()).toEqual([
    'api',
    'conflicts',
    'fallback-used',
    'port',
    'ports',
  ]);
  expect(r.stdout).toBe('');
});

test('usage and input errors exit 2 with a message naming the option and value', async () => {
  const cases: Array<[string[], string]> = [
    [[], 'no port given'],
    [['--bogus', '1'], "Unknown option '--bogus'"],
    [['--format', 'xml', '1'], '--format: "xml" is not one of text, json, env, github'],
    [['--on-conflict', 'retry', '1'], 'on-conflict: "retry" is not one of fail, fallback, warn'],
    [['web=70000'], 'ports: "web=70000": a port must be between 1 and 65535'],
    [['--format', 'github', 'a=auto'], 'GITHUB_OUTPUT is not set'],
    [['who'], 'who: name at least one port'],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(args);
    expect([args, r.code]).toEqual([args, 2]);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  }
});

test('--help and --version', async () => {
  const help = await runCli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('port-guard who PORT[/protocol]...');
  const version = await runCli(['--version']);
  expect(version.stdout.trim()).toBe(VERSION);
  expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(VERSION);
});
