/**
 * --verbose: the probe plan and the OS port ranges on stderr, so a "busy but it is not" report
 * can be answered from the log. In-process, with a recording terminal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardCommand } from '../../src/cli/guard.js';
import { parseCliArgs } from '../../src/cli/options.js';
import type { Terminal } from '../../src/cli/terminal.js';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'port-guard-verbose-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const guard = (argv: string[]) => {
  const command = parseCliArgs(argv);
  if (command.kind !== 'guard') throw new Error(`not a guard command: ${command.kind}`);
  return command;
};

const recording = (): Terminal & { err: string[]; out: string[] } => {
  const err: string[] = [];
  const out: string[] = [];
  return {
    err,
    out,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { ...process.env },
    ppid: process.ppid,
  };
};

test('--verbose logs the plan and the OS ranges; without it, neither', async () => {
  const argv = ['api=auto', '--lease-dir', dir, '--no-lease', '--format', 'json'];
  const quiet = recording();
  const verbose = recording();
  expect(await guardCommand(quiet, guard(argv))).toBe(0);
  expect(await guardCommand(verbose, guard([...argv, '--verbose']))).toBe(0);
  expect(quiet.err.join('')).not.toMatch(/probe plan/);
  const log = verbose.err.join('');
  expect(log).toMatch(/^port-guard: probe plan \(linux\): tcp: /m);
  expect(log).toMatch(
    /^port-guard: OS port ranges: ephemeral range \d+-\d+ \(ip_local_port_range\)$/m,
  );
});
