/**
 * The library front in-process: real sockets, real lease files in a private lease dir, a real
 * holder process. Names and shapes are DESIGN.md's contract ("The library").
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getPort,
  guardPorts,
  InputError,
  InputErrors,
  releasePorts,
  whoHolds,
} from '../../src/lib.js';
import { holdPort, type HolderProcess } from '../support/holder-process.js';

let scratch: string;
let leaseDir: string;
const held: HolderProcess[] = [];

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pg-lib-'));
  leaseDir = join(scratch, 'leases');
});
afterEach(async () => {
  await releasePorts(undefined, { leaseDir }).catch(() => []);
  for (const h of held.splice(0)) await h.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const leaseFiles = () => (existsSync(leaseDir) ? readdirSync(leaseDir).sort() : []);

test('guardPorts hands out auto ports, leased to this process until release()', async () => {
  const run = await guardPorts('api=auto, dns=auto/udp', {
    leaseDir,
    fallbackRange: '50000-59999',
  });
  expect(run.ok).toBe(true);
  expect(Object.keys(run.ports)).toEqual(['api', 'dns']);
  for (const port of Object.values(run.ports)) {
    expect(port).toBeGreaterThanOrEqual(50000);
    expect(port).toBeLessThanOrEqual(59999);
  }
  expect(run.assignments.map((a) => [a.name, a.status, a.protocol])).toEqual([
    ['api', 'auto', 'tcp'],
    ['dns', 'auto', 'udp'],
  ]);
  expect(leaseFiles()).toEqual([`tcp-${run.ports.api}.lease`, `udp-${run.ports.dns}.lease`].sort());
  await run.release();
  expect(leaseFiles()).toEqual([]);
});

test('a busy requested port: not ok, the conflict names the holder, nothing stays leased', async () => {
  const holder = await holdPort({ host: '127.0.0.1' });
  held.push(holder);
  const run = await guardPorts([`db=${holder.port}`, 'api=auto'], { leaseDir });
  expect(run.ok).toBe(false);
  expect(run.ports).toEqual({});
  expect(run.conflicts).toHaveLength(1);
  expect(run.conflicts[0]).toMatchObject({
    name: 'db',
    port: holder.port,
    protocol: 'tcp',
    status: 'in-use',
    code: 'EADDRINUSE',
  });
  if (process.platform === 'linux') expect(run.conflicts[0].holder?.pid).toBe(holder.pid);
  expect(leaseFiles()).toEqual([]);
  // onConflict: 'fallback' replaces it.
  const fallback = await guardPorts([`db=${holder.port}`], { leaseDir, onConflict: 'fallback' });
  expect(fallback.ok).toBe(true);
  expect(fallback.ports.db).not.toBe(holder.port);
  expect(fallback.assignments[0].status).toBe('fallback');
  await fallback.release();
});

test('bad input throws InputErrors, one entry per bad token naming the camelCase option; nothing is leased', async () => {
  const err = await guardPorts('web=x, 70000, api=auto', {
    leaseDir,
    onConflict: 'explode' as never,
    fallbackRange: '9-2',
    leaseTtl: 'long' as never,
    waitt: 3,
  } as never).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputErrors);
  const errors = (err as InputErrors).errors;
  for (const e of errors) expect(e).toBeInstanceOf(InputError);
  expect(errors.map((e) => e.input).sort()).toEqual(
    ['fallbackRange', 'leaseTtl', 'onConflict', 'ports', 'ports', 'waitt'].sort(),
  );
  for (const e of errors) expect(e.message.startsWith(`${e.input}: `)).toBe(true);
  expect(errors.find((e) => e.input === 'waitt')!.message).toContain('did you mean wait?');
  expect(errors.filter((e) => e.input === 'ports').map((e) => e.message)).toEqual([
    expect.stringContaining('"web=x"'),
    expect.stringContaining('"70000"'),
  ]);
  // Nothing was touched: the lease dir was never even created.
  expect(existsSync(leaseDir)).toBe(false);
});

test('getPort: distinct ports in one process, each leased until releasePorts', async () => {
  const first = await getPort({
    leaseDir,
    fallbackStrategy: 'sequential',
    fallbackRange: '52000-52999',
  });
  const second = await getPort({
    leaseDir,
    fallbackStrategy: 'sequential',
    fallbackRange: '52000-52999',
  });
  expect(second).not.toBe(first);
  expect(leaseFiles()).toEqual([`tcp-${first}.lease`, `tcp-${second}.lease`].sort());
  expect(await releasePorts([first], { leaseDir })).toEqual([{ port: first, protocol: 'tcp' }]);
  expect(leaseFiles()).toEqual([`tcp-${second}.lease`]);
  expect(await releasePorts(undefined, { leaseDir })).toEqual([{ port: second, protocol: 'tcp' }]);
  expect(leaseFiles()).toEqual([]);
});

test('getPort prefers a free requested port and falls back from a busy one', async () => {
  const holder = await holdPort({ host: '0.0.0.0' });
  held.push(holder);
  const replacement = await getPort({ leaseDir, port: holder.port });
  expect(replacement).not.toBe(holder.port);
  await releasePorts([replacement], { leaseDir });
  await holder.stop();
  held.splice(0);
  expect(await getPort({ leaseDir, port: holder.port })).toBe(holder.port);
  await expect(getPort({ port: 70000 })).rejects.toBeInstanceOf(InputErrors);
});

test("a port this process already leased, asked for again by number, is its own (DESIGN 'Leases')", async () => {
  const first = await guardPorts('web=auto', { leaseDir });
  const port = first.ports.web;
  const again = await guardPorts([`web=${port}`], { leaseDir });
  expect(again.ok).toBe(true);
  expect(again.ports.web).toBe(port);
  // The second run took the first one's lease over: its release leaves the lease to the first.
  await again.release();
  expect(leaseFiles()).toEqual([`tcp-${port}.lease`]);
  await first.release();
  expect(leaseFiles()).toEqual([]);
});

test('another lease on the host makes a port unavailable to guardPorts', async () => {
  const mine = await guardPorts('web=auto', { leaseDir, owner: process.ppid });
  // The same port asked for by this process (a different owner): the lease is not ours.
  const theirs = await guardPorts([`web=${mine.ports.web}`], { leaseDir });
  expect(theirs.ok).toBe(false);
  expect(theirs.conflicts[0]).toMatchObject({ status: 'leased' });
  await releasePorts(undefined, { leaseDir, owner: process.ppid });
});

if (process.platform === 'linux') {
  test('whoHolds names the process holding a port', async () => {
    const holder = await holdPort({ host: '127.0.0.1' });
    held.push(holder);
    const [found] = await whoHolds([holder.port]);
    expect(found).toMatchObject({ port: holder.port, protocol: 'tcp' });
    expect(found.holders.map((h) => h.pid)).toContain(holder.pid);
    expect(found.description).toContain(`pid ${holder.pid}`);
    await expect(whoHolds(['nope'])).rejects.toMatchObject({
      errors: [expect.objectContaining({ input: 'ports' })],
    });
  });
}
