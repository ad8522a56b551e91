/**
 * The check the global teardown makes (nothing left in the run's TMPDIR, no lease in the host's
 * real lease dir), on directories of this test's own; and that this test runs inside the
 * sandbox at all.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaseSnapshot, leasesAppeared, leftovers, sandboxProblems } from '../support/sandbox.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the tests run with a TMPDIR of their own, not the host temp dir', () => {
  expect(tmpdir()).toMatch(/port-guard-test-run-[^/\\]+$/);
  expect(process.env.TMPDIR).toBe(tmpdir());
});

test('an empty sandbox and an unchanged lease dir are no problem', () => {
  const sandbox = join(dir, 'tmp');
  const leases = join(dir, 'leases');
  mkdirSync(sandbox);
  mkdirSync(leases);
  writeFileSync(join(leases, 'tcp-40000.json'), '{}');
  const before = leaseSnapshot(leases);
  expect(sandboxProblems(sandbox, before, leases)).toEqual([]);
});

test('a file or an empty directory left in the sandbox is found, however deep', () => {
  const sandbox = join(dir, 'tmp');
  mkdirSync(join(sandbox, 'pg-a', 'deeper'), { recursive: true });
  writeFileSync(join(sandbox, 'pg-a', 'deeper', 'output'), '');
  mkdirSync(join(sandbox, 'pg-empty'));
  expect(leftovers(sandbox)).toEqual(['pg-a/deeper/output', 'pg-empty/']);
  const [problem, ...rest] = sandboxProblems(sandbox, {}, join(dir, 'no-lease-dir'));
  expect(rest).toEqual([]);
  expect(problem).toContain('left 2 path(s)');
  expect(problem).toContain('pg-a/deeper/output');
});

test('a lease that appears, or is rewritten, in the host lease dir during the run is found', () => {
  const sandbox = join(dir, 'tmp');
  const leases = join(dir, 'leases');
  mkdirSync(sandbox);
  mkdirSync(leases);
  writeFileSync(join(leases, 'tcp-40000.json'), '{}');
  writeFileSync(join(leases, 'tcp-40001.json'), '{}');
  const before = leaseSnapshot(leases);
  writeFileSync(join(leases, 'udp-5353.json'), '{}');
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(leases, 'tcp-40001.json'), later, later);
  expect(leasesAppeared(before, leaseSnapshot(leases))).toEqual([
    'tcp-40001.json',
    'udp-5353.json',
  ]);
  expect(sandboxProblems(sandbox, before, leases)).toEqual([
    `a test wrote to the host's real lease dir ${leases}: tcp-40001.json, udp-5353.json`,
  ]);
});

test('a lease dir that does not exist is an empty snapshot', () => {
  expect(leaseSnapshot(join(dir, 'absent'))).toEqual({});
});
