import { createServer, type AddressInfo } from 'node:net';
import { classifyBindError, combineVerdicts, probeAddress } from '../../src/probe/probe.js';
import { probePorts } from '../../src/probe/probe-pool.js';
import { buildProbePlan, createProbePlan, type ProbePlan } from '../../src/probe/probe-plan.js';
import { interfaceAddresses } from '../../src/probe/local-addresses.js';
import { holdPort, interfaceAddress, type HolderProcess } from '../support/holder-process.js';

/** A port the OS just said was free (bound to 0, then closed). */
async function osFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen({ port: 0, host: '::' }, r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

let plan: ProbePlan;
let held: HolderProcess[] = [];
beforeAll(async () => {
  plan = await createProbePlan('all');
});
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
});
const hold = async (...args: Parameters<typeof holdPort>) => {
  const h = await holdPort(...args);
  held.push(h);
  return h;
};

describe('a TCP holder in another process is seen as in use', () => {
  // Every row has all three columns: jest takes a missing one for a `done` callback.
  const cases: Array<[string, () => Promise<string | undefined>, boolean]> = [
    ['127.0.0.1', async () => '127.0.0.1', false],
    ['127.0.0.2 (another loopback address)', async () => '127.0.0.2', false],
    ['0.0.0.0', async () => '0.0.0.0', false],
    ['::1', async () => '::1', false],
    ['dual-stack ::', async () => '::', false],
    ['v6-only ::', async () => '::', true],
    ['this host’s IPv4 interface address', () => interfaceAddress('IPv4'), false],
    ['this host’s IPv6 interface address', () => interfaceAddress('IPv6'), false],
  ];
  test.each(cases)('%s', async (_label, host, v6only) => {
    const address = await host();
    if (!address) {
      console.warn(`skipped: this host has no such address`);
      return;
    }
    const h = await hold({ host: address, ipv6Only: v6only });
    const [verdict] = await probePorts([{ port: h.port, protocol: 'tcp' }], plan);
    expect(verdict.verdict).toBe('in-use');
    expect(verdict.addresses.at(-1)).toMatchObject({ verdict: 'in-use', code: 'EADDRINUSE' });
    // The same holder through the full address set (the macOS/Windows plan) is seen too.
    const full = buildProbePlan({
      platform: 'darwin',
      interfaces: interfaceAddresses(),
      hosts: 'all',
    });
    const [fullVerdict] = await probePorts([{ port: h.port, protocol: 'tcp' }], full);
    expect(fullVerdict.verdict).toBe('in-use');
  });
});

describe('UDP', () => {
  test.each([['0.0.0.0'], ['127.0.0.1'], ['::1'], ['::']])(
    'a UDP holder on %s is in use for udp',
    async (address) => {
      const h = await hold({ protocol: 'udp', host: address });
      const [verdict] = await probePorts([{ port: h.port, protocol: 'udp' }], plan);
      expect(verdict.verdict).toBe('in-use');
    },
  );

  test('a UDP holder does not make TCP busy (separate port spaces), checked against a TCP bind', async () => {
    const h = await hold({ protocol: 'udp', host: '0.0.0.0' });
    const [verdict] = await probePorts([{ port: h.port, protocol: 'tcp' }], plan);
    // Whatever the probe says must agree with a real TCP server binding that port right now.
    const server = createServer();
    const bindable = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port: h.port, host: '::' }, () => server.close(() => resolve(true)));
    });
    expect(verdict.verdict === 'free').toBe(bindable);
  });
});

test('a port the OS just handed out and nobody holds is free, and its probe leaves nothing bound', async () => {
  const port = await osFreePort();
  const [verdict] = await probePorts([{ port, protocol: 'tcp' }], plan);
  expect(verdict.verdict).toBe('free');
  // The probe closed its socket: a holder can take the port right after.
  const h = await hold({ host: '::', port });
  expect(h.port).toBe(port);
});

test('probing many ports in parallel keeps each answer with its own port', async () => {
  const holders = await Promise.all([
    hold({ host: '127.0.0.1' }),
    hold({ host: '::1' }),
    hold({ host: '0.0.0.0' }),
  ]);
  const free = await Promise.all(Array.from({ length: 20 }, osFreePort));
  const queries = [...holders.map((h) => h.port), ...free].map((port) => ({
    port,
    protocol: 'tcp' as const,
  }));
  const verdicts = await probePorts(queries, plan, { concurrency: 4 });
  expect(verdicts.map((v) => v.port)).toEqual(queries.map((q) => q.port));
  expect(verdicts.slice(0, 3).map((v) => v.verdict)).toEqual(['in-use', 'in-use', 'in-use']);
  // A "free" port that someone else grabbed meanwhile would be in-use; it may never be unknown.
  expect(verdicts.slice(3).every((v) => v.verdict === 'free' || v.verdict === 'in-use')).toBe(true);
});

test('an address that does not exist is not applicable, unless the user named it', async () => {
  const port = await osFreePort();
  const absent = { address: '192.0.2.254', family: 4 as const };
  await expect(probeAddress(port, 'tcp', absent)).resolves.toMatchObject({
    verdict: 'not-applicable',
    code: 'EADDRNOTAVAIL',
  });
  await expect(probeAddress(port, 'tcp', { ...absent, explicit: true })).resolves.toMatchObject({
    verdict: 'unknown',
    code: 'EADDRNOTAVAIL',
  });
});

describe('classifyBindError (docs/probing.md table)', () => {
  test.each([
    ['EADDRINUSE', 'linux', 'in-use', undefined],
    ['EADDRINUSE', 'win32', 'in-use', undefined],
    ['EACCES', 'linux', 'denied', 'privileged'],
    ['EACCES', 'darwin', 'denied', 'needs-root'],
    // Outside the excluded port ranges: a holder that refuses to share the port.
    ['EACCES', 'win32', 'in-use', 'exclusive'],
    ['EADDRNOTAVAIL', 'darwin', 'not-applicable', undefined],
    ['EAFNOSUPPORT', 'linux', 'not-applicable', undefined],
    ['EINVAL', 'win32', 'not-applicable', undefined],
    ['EMFILE', 'linux', 'unknown', undefined],
    ['ENFILE', 'darwin', 'unknown', undefined],
    ['EPERM', 'linux', 'unknown', undefined],
    ['ESOMETHINGNEW', 'win32', 'unknown', undefined],
  ] as const)('%s on %s → %s', (code, platform, verdict, reason) => {
    expect(classifyBindError(code, platform)).toEqual(reason ? { verdict, reason } : { verdict });
  });
  test('EACCES on win32 inside an excluded port range → denied, reserved', () => {
    expect(classifyBindError('EACCES', 'win32', true)).toEqual({
      verdict: 'denied',
      reason: 'reserved',
    });
  });
});

describe('combineVerdicts', () => {
  const v4 = { address: '0.0.0.0', family: 4 as const };
  const v6 = { address: '::1', family: 6 as const };
  const both = new Set([4, 6] as const);
  test('free only when each family that exists had a free address', () => {
    expect(
      combineVerdicts(
        [
          { ...v4, verdict: 'free' },
          { ...v6, verdict: 'free' },
        ],
        [v4, v6],
        both,
      ),
    ).toBe('free');
    expect(
      combineVerdicts(
        [
          { ...v4, verdict: 'free' },
          { ...v6, verdict: 'not-applicable' },
        ],
        [v4, v6],
        both,
      ),
    ).toBe('unknown');
    expect(
      combineVerdicts(
        [
          { ...v4, verdict: 'free' },
          { ...v6, verdict: 'not-applicable' },
        ],
        [v4, v6],
        new Set([4] as const),
      ),
    ).toBe('free');
  });
  test('a dual-stack probe vouches for IPv4 only where the plan says so', () => {
    const dual = { address: '::', family: 6 as const };
    expect(combineVerdicts([{ ...dual, verdict: 'free' }], [dual], both)).toBe('unknown');
    expect(
      combineVerdicts([{ ...dual, verdict: 'free' }], [{ ...dual, covers: [4, 6] }], both),
    ).toBe('free');
  });
  test('in use wins over everything; unknown is never free', () => {
    expect(
      combineVerdicts(
        [
          { ...v4, verdict: 'unknown' },
          { ...v6, verdict: 'in-use' },
        ],
        [v4, v6],
        both,
      ),
    ).toBe('in-use');
    expect(
      combineVerdicts(
        [
          { ...v4, verdict: 'free' },
          { ...v6, verdict: 'unknown' },
        ],
        [v4, v6],
        both,
      ),
    ).toBe('unknown');
    expect(combineVerdicts([{ ...v4, verdict: 'denied' }], [v4], new Set([4] as const))).toBe(
      'denied',
    );
    expect(combineVerdicts([], [], both)).toBe('unknown');
  });
});
