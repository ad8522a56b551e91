/**
 * A fallback range used up only by other jobs' leases is retried for a short, bounded time:
 * leases that come and go (other runs' candidates) do not fail a run, leases that stay fail it
 * after the retry window with a message counting leased vs busy ports. Real probes; the lease
 * gate is a registry in memory (the other jobs), the clock is the test's.
 */
import { allocatePorts } from '../../src/allocate/allocate.js';
import { CONTENTION_RETRY_MS } from '../../src/allocate/hand-out.js';
import { parseConfig } from '../../src/spec/config.js';
import { createProbePlan } from '../../src/probe/probe-plan.js';
import type { LeaseGate } from '../../src/lease/lease-registry.js';
import type { Protocol } from '../../src/spec/port-spec.js';
import { holdPort, type HolderProcess } from '../support/holder-process.js';
import { createServer } from 'node:net';

/** Leases held by "other jobs" until `releaseAt` on the test clock (forever when undefined). */
class OthersGate implements LeaseGate {
  readonly mine = new Set<string>();
  constructor(
    private readonly others: Set<number>,
    private readonly clock: { now: number },
    private readonly releaseAt?: number,
  ) {}
  async acquire(port: number, protocol: Protocol) {
    const key = `${protocol}/${port}`;
    const othersHold =
      this.others.has(port) && (this.releaseAt === undefined || this.clock.now < this.releaseAt);
    if (othersHold || this.mine.has(key)) return { acquired: this.mine.has(key) } as const;
    this.mine.add(key);
    return { acquired: true } as const;
  }
  async release(port: number, protocol: Protocol) {
    this.mine.delete(`${protocol}/${port}`);
  }
}

/** `n` ports the OS just said were free (listen on 0, then close). */
async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const port = await new Promise<number>((done) => {
      const s = createServer().listen(0, () => {
        const { port } = s.address() as { port: number };
        s.close(() => done(port));
      });
    });
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

let busy: HolderProcess;
beforeAll(async () => {
  busy = await holdPort({ protocol: 'tcp', host: '127.0.0.1' });
});
afterAll(() => busy.stop());

function clockDeps(clock: { now: number }) {
  return {
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.now += ms;
    },
  };
}

test('leases that go away within the retry window: the run waits and succeeds', async () => {
  const range = await freePorts(4);
  const clock = { now: 1_000_000 };
  const gate = new OthersGate(new Set(range), clock, clock.now + 1500);
  const config = parseConfig({
    ports: 'a=auto b=auto',
    'fallback-range': range.map((p) => `${p}-${p}`).join(','),
  });
  const result = await allocatePorts(config, {
    plan: await createProbePlan('all'),
    leases: gate,
    ...clockDeps(clock),
  });
  expect(result.ok).toBe(true);
  const ports = result.assignments.map((a) => a.port);
  expect(new Set(ports).size).toBe(2);
  for (const p of ports) expect(range).toContain(p);
  expect(clock.now).toBeGreaterThanOrEqual(1_000_000 + 1500);
});

test('leases that stay: fails after the bounded window, counting leased and busy ports', async () => {
  // The busy port plus a free neighbour range: one candidate busy, the rest leased by others.
  const leased = await freePorts(3);
  const clock = { now: 5_000_000 };
  const gate = new OthersGate(new Set(leased), clock);
  const config = parseConfig({
    ports: 'a=auto',
    'fallback-range': [...leased, busy.port].map((p) => `${p}-${p}`).join(','),
  });
  const result = await allocatePorts(config, {
    plan: await createProbePlan('all'),
    leases: gate,
    ...clockDeps(clock),
  });
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/3 leased by other jobs, 1 busy/);
  expect(clock.now - 5_000_000).toBeGreaterThanOrEqual(CONTENTION_RETRY_MS);
  expect(clock.now - 5_000_000).toBeLessThanOrEqual(CONTENTION_RETRY_MS + 1000);
  expect([...gate.mine]).toEqual([]);
});

test('a range used up by busy ports alone is not retried', async () => {
  const clock = { now: 0 };
  const gate = new OthersGate(new Set(), clock);
  const config = parseConfig({ ports: 'a=auto', 'fallback-range': `${busy.port}-${busy.port}` });
  const result = await allocatePorts(config, {
    plan: await createProbePlan('all'),
    leases: gate,
    ...clockDeps(clock),
  });
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/1 busy/);
  expect(clock.now).toBe(0);
});
