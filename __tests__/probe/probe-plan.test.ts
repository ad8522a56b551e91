import {
  buildProbePlan,
  fullAddressSet,
  measureWildcardCoverage,
} from '../../src/probe/probe-plan.js';
import type { ProbeAddress } from '../../src/probe/probe-plan.js';

const interfaces: ProbeAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
  { address: '10.1.2.3', family: 4 },
  { address: 'fe80::1c2d:3e4f%en0', family: 6 },
  { address: '2001:db8::5', family: 6 },
];
const addresses = (list: ProbeAddress[]) => list.map((a) => a.address);
const FULL = [
  '::',
  '0.0.0.0',
  '127.0.0.1',
  '::1',
  '10.1.2.3',
  'fe80::1c2d:3e4f%en0',
  '2001:db8::5',
];

describe.each(['darwin', 'win32'] as const)('%s', (platform) => {
  test('probes the full address set: wildcards, loopbacks, every interface address with link-local scope', () => {
    const plan = buildProbePlan({
      platform,
      interfaces,
      hosts: 'all',
      coverage: { tcp: true, udp: true },
    });
    // A wildcard probe misses specific-address holders there, whatever a self-test says.
    expect(addresses(plan.tcp)).toEqual(FULL);
    expect(addresses(plan.udp)).toEqual(FULL);
    expect(plan.tcp[0]).toMatchObject({ address: '::', dualStack: true });
    expect(plan.families).toEqual(new Set([4, 6]));
  });
});

describe('linux', () => {
  test('shortens to one dual-stack probe only for what the self-test proved', () => {
    const plan = buildProbePlan({
      platform: 'linux',
      interfaces,
      hosts: 'all',
      coverage: { tcp: true, udp: false },
    });
    expect(plan.tcp).toEqual([{ address: '::', family: 6, dualStack: true, covers: [4, 6] }]);
    expect(addresses(plan.udp)).toEqual(FULL);
  });
  test('without a self-test, the full set', () => {
    const plan = buildProbePlan({ platform: 'linux', interfaces, hosts: 'all' });
    expect(addresses(plan.tcp)).toEqual(FULL);
  });
  test('on an IPv4-only host the families are just IPv4', () => {
    const v4only = interfaces.filter((a) => a.family === 4);
    expect(
      buildProbePlan({ platform: 'linux', interfaces: v4only, hosts: 'all' }).families,
    ).toEqual(new Set([4]));
  });
  test('the self-test on this machine: the dual-stack :: probe sees loopback holders of both families', async () => {
    // Measured on Linux in docs/probing.md; if this fails here the short plan would be wrong here.
    await expect(measureWildcardCoverage()).resolves.toEqual({ tcp: true, udp: true });
  });
  test('the self-test measures only the protocols asked for; the others keep the full plan', async () => {
    await expect(measureWildcardCoverage(['tcp'])).resolves.toEqual({ tcp: true, udp: false });
    await expect(measureWildcardCoverage(['udp'])).resolves.toEqual({ tcp: false, udp: true });
  });
});

test('named hosts are probed exactly, marked explicit, whatever the platform', () => {
  const plan = buildProbePlan({
    platform: 'linux',
    interfaces,
    hosts: ['127.0.0.1', '::'],
    coverage: { tcp: true, udp: true },
  });
  expect(plan.tcp).toEqual([
    { address: '127.0.0.1', family: 4, explicit: true },
    { address: '::', family: 6, explicit: true, dualStack: true },
  ]);
  expect(plan.families).toEqual(new Set([4, 6]));
});

test('fullAddressSet drops duplicate spellings of one address', () => {
  const set = fullAddressSet([
    { address: '0:0::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ]);
  expect(addresses(set)).toEqual(['::', '0.0.0.0', '127.0.0.1', '::1']);
});
