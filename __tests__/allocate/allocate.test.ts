import { jest } from '@jest/globals';
import { createServer } from 'node:net';
import { allocatePorts } from '../../src/allocate/allocate.js';
import { parseConfig, type RawOptions } from '../../src/spec/config.js';
import { createProbePlan, type ProbePlan } from '../../src/probe/probe-plan.js';
import type { HolderQuery } from '../../src/holders/lookup.js';
import type { LeaseAttempt, LeaseGate } from '../../src/lease/lease-registry.js';
import type { LeaseRecord } from '../../src/lease/lease-file.js';
import type { Protocol } from '../../src/spec/port-spec.js';
import { holdPort, type HolderProcess } from '../support/holder-process.js';

let plan: ProbePlan;
let held: HolderProcess[] = [];
beforeAll(async () => {
  plan = await createProbePlan('all');
});
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
});
const hold = async (host = '127.0.0.1', protocol: Protocol = 'tcp', port = 0) => {
  const h = await holdPort({ host, protocol, port });
  held.push(h);
  return h;
};

/** Whether a real server can bind the port on every address right now. */
const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::' }, () => server.close(() => resolve(true)));
  });

/** A lease registry held in memory: enough to see the allocator's lease discipline. */
class RecordingGate implements LeaseGate {
  readonly held = new Map<string, string>();
  readonly log: string[] = [];
  constructor(private readonly foreign = new Map<string, LeaseRecord>()) {}
  async acquire(port: number, protocol: Protocol): Promise<LeaseAttempt> {
    const key = `${protocol}/${port}`;
    this.log.push(`acquire ${key}`);
    const other = this.foreign.get(key);
    if (other) return { acquired: false, heldBy: other };
    if (this.held.has(key)) return { acquired: false };
    this.held.set(key, 'me');
    return { acquired: true };
  }
  async release(port: number, protocol: Protocol): Promise<void> {
    this.log.push(`release ${protocol}/${port}`);
    this.held.delete(`${protocol}/${port}`);
  }
}

const config = (raw: RawOptions) => parseConfig({ lease: 'false', ...raw });

test('fail: every busy port is reported at once; no lease is left behind', async () => {
  const [a, b] = [await hold('127.0.0.1'), await hold('::1')];
  const free = await hold('127.0.0.1');
  await free.stop();
  const gate = new RecordingGate();
  const finder = jest.fn(async (queries: HolderQuery[]) =>
    queries.map((q) => ({
      ...q,
      addresses: ['127.0.0.1'],
      state: 'listen',
      pid: q.port === a.port ? a.pid : b.pid,
      command: 'node',
    })),
  );
  const result = await allocatePorts(config({ ports: `a=${a.port} b=${b.port} c=${free.port}` }), {
    plan,
    leases: gate,
    findHolders: finder,
  });
  expect(result.ok).toBe(false);
  expect(result.conflicts.map((c) => [c.name, c.port, c.verdict, c.code])).toEqual([
    ['a', a.port, 'in-use', 'EADDRINUSE'],
    ['b', b.port, 'in-use', 'EADDRINUSE'],
  ]);
  expect(result.conflicts.map((c) => c.holders[0]?.pid)).toEqual([a.pid, b.pid]);
  // The free port was given back with the rest: a failed run assigns nothing.
  expect(result.assignments.map((x) => x.status)).toEqual(['conflict', 'conflict', 'unassigned']);
  // The holder lookup runs once, for the busy ports only.
  expect(finder).toHaveBeenCalledTimes(1);
  expect(finder.mock.calls[0][0]).toEqual([
    { port: a.port, protocol: 'tcp' },
    { port: b.port, protocol: 'tcp' },
  ]);
  // Lease first, then probe; the free port's lease went back when the step failed.
  expect(gate.log[0]).toBe(`acquire tcp/${a.port}`);
  expect(gate.held.size).toBe(0);
});

test('fallback: a busy port is replaced by a bindable port from the range, outside exclude', async () => {
  const busy = await hold('0.0.0.0');
  const gate = new RecordingGate();
  const result = await allocatePorts(
    config({
      ports: `web=${busy.port}`,
      'on-conflict': 'fallback',
      'fallback-range': '20000-20999',
      exclude: '20000-20499',
    }),
    { plan, leases: gate },
  );
  expect(result.ok).toBe(true);
  const [web] = result.assignments;
  expect(web).toMatchObject({ name: 'web', requested: busy.port, status: 'fallback' });
  expect(web.port).toBeGreaterThanOrEqual(20500);
  expect(web.port).toBeLessThanOrEqual(20999);
  expect(result.conflicts).toHaveLength(1);
  expect(gate.held).toEqual(new Map([[`tcp/${web.port}`, 'me']]));
  expect(await bindable(web.port)).toBe(true);
});

test('fallback skips candidates that are busy or leased by someone else', async () => {
  // Sequential over a range whose first ports are held (by a process, by another lease).
  const first = await hold('127.0.0.1');
  const lo = first.port;
  const foreign = new Map([
    [
      `tcp/${lo + 1}`,
      { port: lo + 1, protocol: 'tcp' as const, owner: { pid: 1 }, createdAt: 0, expiresAt: 0 },
    ],
  ]);
  const result = await allocatePorts(
    config({
      ports: 'x=auto',
      'fallback-range': `${lo}-${lo + 40}`,
      'fallback-strategy': 'sequential',
    }),
    { plan, leases: new RecordingGate(foreign) },
  );
  expect(result.ok).toBe(true);
  expect(result.assignments[0].port).toBeGreaterThan(lo + 1);
});

test('warn keeps the busy port; a lease held by another job is a conflict too', async () => {
  const busy = await hold('::1');
  const leasedPort = busy.port === 65000 ? 65001 : 65000;
  const other: LeaseRecord = {
    port: leasedPort,
    protocol: 'tcp',
    owner: { pid: 1, repository: 'o/r', runId: '9', job: 'e2e' },
    createdAt: 0,
    expiresAt: 0,
  };
  const result = await allocatePorts(
    config({ ports: `a=${busy.port} db=${leasedPort}`, 'on-conflict': 'warn' }),
    {
      plan,
      leases: new RecordingGate(new Map([[`tcp/${leasedPort}`, other]])),
    },
  );
  expect(result.ok).toBe(true);
  expect(result.assignments.map((a) => [a.port, a.status])).toEqual([
    [busy.port, 'busy'],
    [leasedPort, 'busy'],
  ]);
  expect(result.conflicts[1]).toMatchObject({ verdict: 'leased', lease: other });
});

test('auto: 100 distinct ports, each bindable, none requested by number', async () => {
  const names = Array.from({ length: 100 }, (_, i) => `s${i}=auto`).join(' ');
  const result = await allocatePorts(config({ ports: `${names} fixed=61000` }), {
    plan,
    leases: new RecordingGate(),
  });
  expect(result.ok).toBe(true);
  const ports = result.assignments.filter((a) => a.status === 'auto').map((a) => a.port);
  expect(new Set(ports).size).toBe(100);
  expect(ports).not.toContain(61000);
  for (const port of ports.slice(0, 10)) expect(await bindable(port)).toBe(true);
});

test('both: a UDP holder makes a /both port busy, and its TCP lease is not kept', async () => {
  const udp = await hold('0.0.0.0', 'udp');
  const gate = new RecordingGate();
  const result = await allocatePorts(config({ ports: `q=${udp.port}/both` }), {
    plan,
    leases: gate,
  });
  expect(result.ok).toBe(false);
  expect(result.conflicts.map((c) => c.protocol)).toContain('udp');
  expect(gate.held.size).toBe(0);
});

test('wait: a port freed during the wait is used', async () => {
  const busy = await hold('127.0.0.1');
  setTimeout(() => void busy.stop(), 400);
  const result = await allocatePorts(config({ ports: `w=${busy.port}`, wait: '10' }), { plan });
  expect(result.ok).toBe(true);
  expect(result.assignments[0]).toMatchObject({ port: busy.port, status: 'free' });
});

test('wait gives up at its deadline, then on-conflict applies', async () => {
  const busy = await hold('127.0.0.1');
  let clock = 0;
  const sleeps: number[] = [];
  const result = await allocatePorts(config({ ports: `w=${busy.port}`, wait: '3' }), {
    plan,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
  });
  expect(result.ok).toBe(false);
  // Back-off: 250 ms doubling to 2 s, cut at the deadline.
  expect(sleeps).toEqual([250, 500, 1000, 1250]);
});

test('nothing free in the range is an error that names the range, and leases go back', async () => {
  const h = await hold('127.0.0.1');
  const gate = new RecordingGate();
  const result = await allocatePorts(
    config({ ports: 'a=auto', 'fallback-range': `${h.port}-${h.port}` }),
    { plan, leases: gate },
  );
  expect(result.ok).toBe(false);
  expect(result.error).toBe(
    `no free port for a in fallback-range ${h.port}: of 1 candidate ports, 1 busy`,
  );
  expect(gate.held.size).toBe(0);
});
