// Leases between real, separate processes sharing one lease directory.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLeaseRegistry } from '../../src/lease/lease-registry.js';
import { buildLeaseBundle, LeaseChild } from '../support/lease-child-process.js';
import { testNeeds } from '../support/needs.js';

let bundle: string;
let dir: string;

beforeAll(() => {
  bundle = buildLeaseBundle();
}, 60_000);

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pg-lease-proc-')), 'leases');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

afterAll(() => {
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

function leaseOwnerPid(port: number): number {
  return JSON.parse(readFileSync(path.join(dir, `tcp-${port}.lease`), 'utf8')).owner.pid;
}

test('50 processes taking 4 ports each from a 200-port range at the same moment get 200 distinct ports', async () => {
  const lo = 41000;
  const children = Array.from(
    { length: 50 },
    () => new LeaseChild(bundle, dir, { mode: 'range', lo, hi: lo + 199, count: 4 }),
  );
  try {
    await Promise.all(children.map((c) => c.expectLine('ready')));
    for (const child of children) child.send('go');
    const results = await Promise.all(children.map((c) => c.result()));

    const all = results.flatMap((r) => r.got);
    for (const r of results) expect(r.got).toHaveLength(4);
    expect(new Set(all).size).toBe(200);
    expect(all.every((p) => p >= lo && p <= lo + 199)).toBe(true);
    // The file on disk names the process that believes it holds the port.
    for (const r of results) for (const port of r.got) expect(leaseOwnerPid(port)).toBe(r.pid);
    expect(results.flatMap((r) => r.problems)).toEqual([]);

    for (const child of children) child.send('release');
    await Promise.all(children.map((c) => c.expectLine('released')));
    await Promise.all(children.map((c) => c.exited));
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    for (const child of children) child.process.kill('SIGKILL');
  }
}, 180_000);

test('two processes asking for the same fixed port at once: exactly one wins', async () => {
  const ports = [42001, 42002, 42003, 42004, 42005];
  const pairs = ports.map((port) => [
    new LeaseChild(bundle, dir, { mode: 'fixed', ports: [port] }),
    new LeaseChild(bundle, dir, { mode: 'fixed', ports: [port] }),
  ]);
  const children = pairs.flat();
  try {
    await Promise.all(children.map((c) => c.expectLine('ready')));
    for (const child of children) child.send('go');
    for (const [index, pair] of pairs.entries()) {
      const [a, b] = await Promise.all(pair.map((c) => c.result()));
      const winners = [a, b].filter((r) => r.got.length === 1);
      expect(winners).toHaveLength(1);
      const [winner] = winners;
      const loser = winner === a ? b : a;
      expect(loser.refused).toEqual([
        { port: ports[index], heldBy: expect.objectContaining({ port: ports[index] }) },
      ]);
      expect(loser.refused[0].heldBy!.owner.pid).toBe(winner.pid);
      expect(leaseOwnerPid(ports[index])).toBe(winner.pid);
    }
    for (const child of children) child.send('release');
    await Promise.all(children.map((c) => c.exited));
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    for (const child of children) child.process.kill('SIGKILL');
  }
}, 60_000);

test('leases of a process killed with SIGKILL are reclaimed by the next acquirer', async () => {
  const child = new LeaseChild(bundle, dir, { mode: 'fixed', ports: [43001, 43002] });
  await child.expectLine('ready');
  child.send('go');
  expect((await child.result()).got).toEqual([43001, 43002]);
  child.process.kill('SIGKILL');
  await child.exited;
  expect(leaseOwnerPid(43001)).toBe(child.pid);
  expect(leaseOwnerPid(43002)).toBe(child.pid);

  const registry = await openLeaseRegistry({ dir, ttlSeconds: 3600, owner: { pid: process.pid } });
  expect(await registry.acquire(43001, 'tcp')).toEqual({ acquired: true });
  expect(await registry.acquire(43002, 'tcp')).toEqual({ acquired: true });
  expect(leaseOwnerPid(43001)).toBe(process.pid);
  expect(registry.problems()).toEqual([]);
  await registry.releaseAll();
  expect(readdirSync(dir)).toEqual([]);
}, 60_000);

test('a live process holding a lease keeps it against another process', async () => {
  const holder = new LeaseChild(bundle, dir, { mode: 'fixed', ports: [43101] });
  try {
    await holder.expectLine('ready');
    holder.send('go');
    expect((await holder.result()).got).toEqual([43101]);
    const registry = await openLeaseRegistry({
      dir,
      ttlSeconds: 3600,
      owner: { pid: process.pid },
    });
    const attempt = await registry.acquire(43101, 'tcp');
    expect(attempt.acquired).toBe(false);
    expect(attempt.acquired === false && attempt.heldBy?.owner.pid).toBe(holder.pid);
  } finally {
    holder.process.kill('SIGKILL');
  }
}, 60_000);

// Reclaiming races are only real between processes: inside one process the synchronous file
// operations of the registry run in lock-step and hide an unsafe reclaim.
test('20 processes reclaiming 40 stale leases at once get 40 distinct ports', async () => {
  const lo = 44000;
  mkdirSync(dir, { mode: 0o1777 });
  for (let port = lo; port < lo + 40; port++) {
    // Owner: this very process, but "started at another time": a reused pid, so stale.
    const owner = { pid: process.pid, pidStart: 'before-reboot' };
    const body = {
      version: 1,
      port,
      protocol: 'tcp',
      owner,
      createdAt: 0,
      expiresAt: Date.now() + 3600_000,
      token: `stale-${port}`,
    };
    writeFileSync(path.join(dir, `tcp-${port}.lease`), JSON.stringify(body));
  }
  const children = Array.from(
    { length: 20 },
    () => new LeaseChild(bundle, dir, { mode: 'range', lo, hi: lo + 39, count: 2 }),
  );
  try {
    await Promise.all(children.map((c) => c.expectLine('ready')));
    for (const child of children) child.send('go');
    const results = await Promise.all(children.map((c) => c.result()));
    for (const r of results) expect(r.got).toHaveLength(2);
    expect(new Set(results.flatMap((r) => r.got)).size).toBe(40);
    for (const r of results) for (const port of r.got) expect(leaseOwnerPid(port)).toBe(r.pid);
    for (const child of children) child.send('release');
    await Promise.all(children.map((c) => c.exited));
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    for (const child of children) child.process.kill('SIGKILL');
  }
}, 120_000);

const asRoot = testNeeds('linux', 'root', 'setpriv');

asRoot(
  'another OS user shares the lease dir: sees our leases, cannot delete them, owns its own',
  async () => {
    const nobody = 65534;
    for (const d of [path.dirname(dir), path.dirname(bundle)]) chmodSync(d, 0o755);
    const registry = await openLeaseRegistry({
      dir,
      ttlSeconds: 3600,
      owner: { pid: process.pid },
    });
    expect(await registry.acquire(45001, 'tcp')).toEqual({ acquired: true });
    // A stale lease of ours (owner gone): the sticky bit keeps the other user from removing it.
    const stale = {
      version: 1,
      port: 45003,
      protocol: 'tcp',
      owner: { pid: process.pid, pidStart: 'gone' },
      createdAt: 0,
      expiresAt: Date.now() + 3600_000,
      token: 'stale',
    };
    writeFileSync(path.join(dir, 'tcp-45003.lease'), JSON.stringify(stale), { mode: 0o644 });

    const child = new LeaseChild(
      bundle,
      dir,
      { mode: 'fixed', ports: [45001, 45002, 45003] },
      nobody,
    );
    try {
      await child.expectLine('ready');
      child.send('go');
      const result = await child.result();
      expect(result.got).toEqual([45002]);
      expect(result.refused.map((r) => [r.port, r.heldBy?.owner.pid])).toEqual([
        [45001, process.pid],
        [45003, process.pid],
      ]);
      expect(result.problems).toEqual([
        expect.stringMatching(/tcp-45003\.lease is stale but cannot be removed \(EPERM\)/),
      ]);

      const theirs = lstatSync(path.join(dir, 'tcp-45002.lease'));
      expect([theirs.uid, theirs.mode & 0o777]).toEqual([nobody, 0o644]);
      const mine = await registry.acquire(45002, 'tcp');
      expect(mine.acquired === false && mine.heldBy?.owner.pid).toBe(child.pid);

      child.send('release');
      await child.expectLine('released');
      await child.exited;
      expect(readdirSync(dir).sort()).toEqual(['tcp-45001.lease', 'tcp-45003.lease']);
    } finally {
      child.process.kill('SIGKILL');
    }
  },
  60_000,
);

asRoot(
  "a dead process's lock another user cannot remove: acquire gives up and reports it",
  async () => {
    for (const d of [path.dirname(dir), path.dirname(bundle)]) chmodSync(d, 0o755);
    await openLeaseRegistry({ dir, ttlSeconds: 3600, owner: { pid: process.pid } });
    const stale = {
      version: 1,
      port: 45101,
      protocol: 'tcp',
      owner: { pid: process.pid, pidStart: 'gone' },
      createdAt: 0,
      expiresAt: Date.now() + 3600_000,
      token: 'stale',
    };
    writeFileSync(path.join(dir, 'tcp-45101.lease'), JSON.stringify(stale), { mode: 0o644 });
    writeFileSync(
      path.join(dir, 'tcp-45101.lock'),
      JSON.stringify({ pid: process.pid, pidStart: 'gone', token: 'dead' }),
      { mode: 0o644 },
    );
    const child = new LeaseChild(bundle, dir, { mode: 'fixed', ports: [45101] }, 65534);
    try {
      await child.expectLine('ready');
      child.send('go');
      const result = await child.result();
      expect(result.got).toEqual([]);
      expect(result.problems).toEqual([
        expect.stringMatching(
          /tcp-45101\.lease is stale but its lock tcp-45101\.lock stayed taken/,
        ),
      ]);
      expect(readdirSync(dir).sort()).toEqual(['tcp-45101.lease', 'tcp-45101.lock']);
    } finally {
      child.process.kill('SIGKILL');
    }
  },
  60_000,
);
