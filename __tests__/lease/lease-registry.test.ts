import { spawn, type ChildProcess } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  lutimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/spec/input-error.js';
import { openLeaseRegistry, releaseLeases } from '../../src/lease/lease-registry.js';
import { describeLease } from '../../src/report/messages.js';
import { MAX_LEASE_TTL_SECONDS } from '../../src/spec/config.js';
import { processIdentity } from '../../src/lease/process-identity.js';
import type { LeaseOwner, LeaseRecord } from '../../src/lease/lease-file.js';

let base: string;
let dir: string;
const started: ChildProcess[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'pg-lease-reg-'));
  dir = path.join(base, 'leases');
});
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

const open = (owner: Partial<LeaseOwner> = {}, ttlSeconds = 3600, now?: () => number) =>
  openLeaseRegistry({ dir, ttlSeconds, owner: { pid: process.pid, ...owner }, now });

const leaseFile = (port: number, protocol = 'tcp') => path.join(dir, `${protocol}-${port}.lease`);
const readLease = (port: number) => JSON.parse(readFileSync(leaseFile(port), 'utf8'));

/** Writes a lease file by hand, as another (possibly long gone) allocator would have. */
function plantLease(
  port: number,
  owner: LeaseOwner,
  times: { createdAt?: number; expiresAt?: number } = {},
) {
  mkdirSync(dir, { recursive: true, mode: 0o1777 });
  const createdAt = times.createdAt ?? Date.now();
  const body = {
    version: 1,
    port,
    protocol: 'tcp',
    owner,
    createdAt,
    expiresAt: times.expiresAt ?? createdAt + 3600_000,
    token: `planted-${port}`,
  };
  writeFileSync(leaseFile(port), JSON.stringify(body));
}

/** A process that stays alive until the test ends. */
async function sleeper(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  started.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

test('a lease is exclusive across registries; tcp and udp are separate; release frees it', async () => {
  const a = await open({ id: 'a' });
  const b = await open({ id: 'b' });
  expect(await a.acquire(40100, 'tcp')).toEqual({ acquired: true });
  expect(await a.acquire(40100, 'tcp')).toEqual({ acquired: true }); // already ours
  const refused = await b.acquire(40100, 'tcp');
  expect(refused.acquired).toBe(false);
  expect(refused.acquired === false && refused.heldBy?.owner.id).toBe('a');
  expect(await b.acquire(40100, 'udp')).toEqual({ acquired: true });
  expect(a.held()).toEqual([{ port: 40100, protocol: 'tcp' }]);

  await b.release(40100, 'tcp'); // not b's: must stay
  expect(readLease(40100).owner.id).toBe('a');
  await a.release(40100, 'tcp');
  expect(a.held()).toEqual([]);
  expect(await b.acquire(40100, 'tcp')).toEqual({ acquired: true });
  await b.releaseAll();
  expect(readdirSync(dir)).toEqual([]);
});

test('the lease file holds owner, times and start time, mode 0644', async () => {
  const registry = await open(
    { id: 'run-1', repository: 'octo-org/repo', runId: '123', job: 'e2e' },
    60,
  );
  const before = Date.now();
  await registry.acquire(40101, 'tcp');
  const lease = readLease(40101);
  expect(lease).toMatchObject({ version: 1, port: 40101, protocol: 'tcp' });
  expect(lease.owner).toMatchObject({
    id: 'run-1',
    repository: 'octo-org/repo',
    runId: '123',
    job: 'e2e',
    pid: process.pid,
  });
  expect(lease.owner.pidStart).toBe((await processIdentity(process.pid))?.start);
  expect(lease.createdAt).toBeGreaterThanOrEqual(before);
  expect(lease.expiresAt - lease.createdAt).toBe(60_000);
  if (process.platform !== 'win32') expect(lstatSync(leaseFile(40101)).mode & 0o777).toBe(0o644);
});

test('a lease whose owner pid is alive but started at another time (reused pid) is reclaimed', async () => {
  const pid = await sleeper();
  const real = (await processIdentity(pid))!.start!;
  plantLease(40102, { pid, pidStart: real });
  plantLease(40103, { pid, pidStart: `${real}1` });
  const registry = await open();
  const live = await registry.acquire(40102, 'tcp');
  expect(live.acquired === false && live.heldBy?.owner.pid).toBe(pid);
  expect(await registry.acquire(40103, 'tcp')).toEqual({ acquired: true });
  expect(readLease(40103).owner.pid).toBe(process.pid);
});

test('an expired lease is reclaimed even though its owner still runs', async () => {
  const holder = await open({ id: 'old' }, 60);
  await holder.acquire(40104, 'tcp');
  const early = await open({ id: 'early' }, 60, () => Date.now() + 59_000);
  expect((await early.acquire(40104, 'tcp')).acquired).toBe(false);
  const late = await open({ id: 'late' }, 60, () => Date.now() + 61_000);
  expect(await late.acquire(40104, 'tcp')).toEqual({ acquired: true });
  // The old holder's release must not delete the lease that replaced its own.
  await holder.release(40104, 'tcp');
  expect(readLease(40104).owner.id).toBe('late');
});

test('a hand-written expiry far in the future is capped at the file time + the maximum lease-ttl', async () => {
  const week = MAX_LEASE_TTL_SECONDS * 1000;
  const forever = Date.now() + 100 * 365 * 24 * 3600_000;
  plantLease(40120, { pid: process.pid }, { expiresAt: forever });
  // A future mtime (touch -d) does not lift the cap: the ctime it cannot fake counts.
  plantLease(40121, { pid: process.pid }, { expiresAt: forever });
  utimesSync(leaseFile(40121), new Date(forever), new Date(forever));
  const before = await open({ id: 'before' }, 60, () => Date.now() + week - 60_000);
  expect((await before.acquire(40120, 'tcp')).acquired).toBe(false);
  expect((await before.acquire(40121, 'tcp')).acquired).toBe(false);
  const after = await open({ id: 'after' }, 60, () => Date.now() + week + 60_000);
  expect(await after.acquire(40120, 'tcp')).toEqual({ acquired: true });
  expect(await after.acquire(40121, 'tcp')).toEqual({ acquired: true });
});

test('a planted expired lease is reclaimed', async () => {
  plantLease(
    40105,
    { pid: process.pid },
    { createdAt: Date.now() - 10_000, expiresAt: Date.now() - 1 },
  );
  const registry = await open();
  expect(await registry.acquire(40105, 'tcp')).toEqual({ acquired: true });
});

test('a corrupt lease file is held and reported, never deleted, until older than the TTL', async () => {
  mkdirSync(dir, { mode: 0o1777 });
  writeFileSync(leaseFile(40106), '{"version": 1, "port": 401');
  const registry = await open({}, 600);
  expect(await registry.acquire(40106, 'tcp')).toEqual({ acquired: false });
  expect(registry.problems()).toEqual([expect.stringContaining(leaseFile(40106))]);
  expect(registry.problems()[0]).toMatch(/not valid JSON.*treated as held/);
  expect(readFileSync(leaseFile(40106), 'utf8')).toBe('{"version": 1, "port": 401');

  const old = (Date.now() - 601_000) / 1000;
  utimesSync(leaseFile(40106), old, old);
  expect(await registry.acquire(40106, 'tcp')).toEqual({ acquired: true });
  expect(readLease(40106).owner.pid).toBe(process.pid);
});

test('a foreign lease (other format, wrong port inside, a directory) is held and reported', async () => {
  mkdirSync(dir, { mode: 0o1777 });
  writeFileSync(leaseFile(40107), JSON.stringify({ version: 2, port: 40107, protocol: 'tcp' }));
  writeFileSync(
    leaseFile(40108),
    JSON.stringify({
      version: 1,
      port: 1,
      protocol: 'tcp',
      owner: { pid: 1 },
      createdAt: 0,
      expiresAt: 0,
      token: 'x',
    }),
  );
  mkdirSync(leaseFile(40109));
  const registry = await open();
  for (const port of [40107, 40108, 40109])
    expect(await registry.acquire(port, 'tcp')).toEqual({ acquired: false });
  const problems = registry.problems().join('\n');
  expect(problems).toMatch(/tcp-40107\.lease has format version 2/);
  expect(problems).toMatch(/tcp-40108\.lease names tcp port 1/);
  expect(problems).toMatch(/tcp-40109\.lease is not a regular file/);
  expect(readdirSync(dir).sort()).toEqual([
    'tcp-40107.lease',
    'tcp-40108.lease',
    'tcp-40109.lease',
  ]);
});

test('a symbolic link planted as a lease file is not followed, reported, and its target untouched', async () => {
  mkdirSync(dir, { mode: 0o1777 });
  const target = path.join(base, 'target');
  // A stale-looking lease: following the link would "reclaim" it.
  const text = JSON.stringify({
    version: 1,
    port: 40110,
    protocol: 'tcp',
    owner: { pid: 999999999 },
    createdAt: 0,
    expiresAt: 0,
    token: 't',
  });
  writeFileSync(target, text);
  symlinkSync(target, leaseFile(40110));
  const registry = await open({}, 600);
  expect(await registry.acquire(40110, 'tcp')).toEqual({ acquired: false });
  expect(registry.problems()).toEqual([
    expect.stringMatching(/tcp-40110\.lease is a symbolic link \(not followed\)/),
  ]);
  expect(lstatSync(leaseFile(40110)).isSymbolicLink()).toBe(true);
  expect(readFileSync(target, 'utf8')).toBe(text);

  // Once older than the TTL the link itself goes; its target stays as it was.
  const old = (Date.now() - 601_000) / 1000;
  lutimesSync(leaseFile(40110), old, old);
  expect(await registry.acquire(40110, 'tcp')).toEqual({ acquired: true });
  expect(lstatSync(leaseFile(40110)).isFile()).toBe(true);
  expect(readFileSync(target, 'utf8')).toBe(text);
});

test("releaseLeases releases exactly the matching owner's leases", async () => {
  const other = await sleeper();
  const mine = await open({ id: 'job-a' });
  const theirs = await open({ id: 'job-b' });
  const cli = await open({ pid: other });
  for (const port of [40301, 40302, 40303]) await mine.acquire(port, 'tcp');
  await mine.acquire(40301, 'udp');
  for (const port of [40304, 40305]) await theirs.acquire(port, 'tcp');
  await cli.acquire(40306, 'tcp');

  const byPort = (records: LeaseRecord[]) => records.map((r) => `${r.protocol}/${r.port}`).sort();
  expect(byPort(await releaseLeases(dir, { ownerId: 'job-a', ports: [40302] }))).toEqual([
    'tcp/40302',
  ]);
  expect(byPort(await releaseLeases(dir, { ownerId: 'job-a' }))).toEqual([
    'tcp/40301',
    'tcp/40303',
    'udp/40301',
  ]);
  expect(byPort(await releaseLeases(dir, { pid: other }))).toEqual(['tcp/40306']);
  expect(readdirSync(dir).sort()).toEqual(['tcp-40304.lease', 'tcp-40305.lease']);
  expect(await releaseLeases(dir, { ownerId: 'nobody' })).toEqual([]);
  await expect(releaseLeases(dir, {})).rejects.toThrow(/ownerId or a pid/);
  expect(await releaseLeases(path.join(base, 'missing'), { ownerId: 'job-a' })).toEqual([]);
});

test('releaseLeases refuses a relative lease dir instead of resolving it into the cwd', async () => {
  await expect(releaseLeases('leases', { pid: process.pid })).rejects.toMatchObject({
    input: 'lease-dir',
    message: expect.stringContaining('"leases" is a relative path'),
  });
});

test('describeLease names the run and job, or the pid', () => {
  const record = (owner: LeaseOwner): LeaseRecord => ({
    port: 1,
    protocol: 'tcp',
    owner,
    createdAt: 0,
    expiresAt: 0,
  });
  expect(
    describeLease(
      record({ pid: 5, repository: 'octo-org/repo', runId: '123', runAttempt: '1', job: 'e2e' }),
    ),
  ).toBe('leased by octo-org/repo run 123 job e2e');
  expect(
    describeLease(
      record({ pid: 5, repository: 'octo-org/repo', runId: '123', runAttempt: '2', job: 'e2e' }),
    ),
  ).toBe('leased by octo-org/repo run 123 attempt 2 job e2e');
  expect(describeLease(record({ pid: 4711 }))).toBe('leased by pid 4711');
});

test('a lease-ttl that is not a positive number is an input error', async () => {
  for (const ttl of [0, -1, Number.NaN]) {
    const error = await open({}, ttl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('lease-ttl');
  }
});

test('opening sweeps temporary files a crashed allocator left behind, once they are old', async () => {
  mkdirSync(dir, { mode: 0o1777 });
  const old = ['.tcp-40400.lease.4242.a1b2c3.tmp', '.tcp-40401.lock.4242.d4e5f6.stale'];
  const fresh = '.tcp-40402.lease.4242.0a0b0c.tmp';
  const other = '.something-else.tmp';
  for (const name of [...old, fresh, other]) writeFileSync(path.join(dir, name), '');
  const longAgo = (Date.now() - 11 * 60_000) / 1000;
  for (const name of [...old, other]) utimesSync(path.join(dir, name), longAgo, longAgo);
  await open();
  expect(readdirSync(dir).sort()).toEqual([other, fresh].sort());
});

test('a deletion lock left by a process that died holding it is recovered', async () => {
  plantLease(40500, { pid: process.pid, pidStart: 'gone' });
  const deadLock = { pid: process.pid, pidStart: 'gone', token: 'dead' };
  writeFileSync(path.join(dir, 'tcp-40500.lock'), JSON.stringify(deadLock));
  const registry = await open();
  expect(await registry.acquire(40500, 'tcp')).toEqual({ acquired: true });
  await registry.release(40500, 'tcp');
  expect(readdirSync(dir)).toEqual([]);
});
