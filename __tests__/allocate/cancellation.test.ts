/**
 * Cancellation in the engine: an aborted run returns every lease it took before it ends, whether
 * it is waiting for a busy port or handing out ports, and abortableSleep ends at once.
 */
import { allocatePorts } from '../../src/allocate/allocate.js';
import { abortableSleep, CancelledError } from '../../src/allocate/cancellation.js';
import { parseConfig } from '../../src/spec/config.js';
import { createProbePlan } from '../../src/probe/probe-plan.js';
import type { LeaseGate } from '../../src/lease/lease-registry.js';
import type { Protocol } from '../../src/spec/port-spec.js';
import { holdPort, type HolderProcess } from '../support/holder-process.js';

/** A lease registry in memory that remembers what is held: the allocator's only dependency here. */
class RecordingGate implements LeaseGate {
  readonly held = new Set<string>();
  acquired = 0;
  constructor(private readonly onAcquire: (count: number) => void = () => {}) {}
  async acquire(port: number, protocol: Protocol) {
    const key = `${protocol}/${port}`;
    if (this.held.has(key)) return { acquired: false as const };
    this.held.add(key);
    this.onAcquire(++this.acquired);
    return { acquired: true as const };
  }
  async release(port: number, protocol: Protocol) {
    this.held.delete(`${protocol}/${port}`);
  }
}

let busy: HolderProcess;
beforeAll(async () => {
  busy = await holdPort({ protocol: 'tcp', host: '127.0.0.1' });
});
afterAll(() => busy.stop());

test('cancelled while waiting for a busy port: rejects with the reason, every lease returned', async () => {
  const controller = new AbortController();
  const gate = new RecordingGate();
  const config = parseConfig({
    ports: `free=auto web=${busy.port}`,
    wait: '600',
    'fallback-range': '40000-48000',
  });
  const run = allocatePorts(config, {
    plan: await createProbePlan('all'),
    leases: gate,
    signal: controller.signal,
    onWait: () => controller.abort(new CancelledError('SIGTERM')),
  });
  await expect(run).rejects.toBeInstanceOf(CancelledError);
  expect(gate.acquired).toBeGreaterThan(0);
  expect([...gate.held]).toEqual([]);
});

test('cancelled in the middle of handing out ports: every lease returned', async () => {
  const controller = new AbortController();
  const gate = new RecordingGate((n) => {
    if (n === 5) controller.abort(new CancelledError('SIGINT'));
  });
  const config = parseConfig({
    ports: 'a=auto b=auto c=auto d=auto e=auto f=auto g=auto h=auto',
    'fallback-range': '40000-48000',
  });
  await expect(
    allocatePorts(config, {
      plan: await createProbePlan('all'),
      leases: gate,
      signal: controller.signal,
    }),
  ).rejects.toMatchObject({ signal: 'SIGINT' });
  expect(gate.acquired).toBeGreaterThanOrEqual(5);
  expect([...gate.held]).toEqual([]);
});

test('a run that is not cancelled keeps its leases', async () => {
  const gate = new RecordingGate();
  const config = parseConfig({ ports: 'a=auto b=auto', 'fallback-range': '40000-48000' });
  const result = await allocatePorts(config, {
    plan: await createProbePlan('all'),
    leases: gate,
    signal: new AbortController().signal,
  });
  expect(result.ok).toBe(true);
  expect(gate.held.size).toBe(2);
});

test('abortableSleep rejects with the reason as soon as it is aborted, and at once if already', async () => {
  const controller = new AbortController();
  const sleeping = abortableSleep(600_000, controller.signal);
  controller.abort(new CancelledError('SIGTERM'));
  await expect(sleeping).rejects.toMatchObject({ signal: 'SIGTERM' });
  await expect(abortableSleep(600_000, controller.signal)).rejects.toBeInstanceOf(CancelledError);
  await expect(abortableSleep(1)).resolves.toBeUndefined();
});

test('CancelledError exit codes follow the shell: 130 for SIGINT, 143 for SIGTERM', () => {
  expect(new CancelledError('SIGINT').exitCode).toBe(130);
  expect(new CancelledError('SIGTERM').exitCode).toBe(143);
});

// withSignalCancellation itself is exercised through the built fronts (nothing-left-behind.test.ts):
// a real signal must reach a real process, which jest's sandboxed `process` does not give.
