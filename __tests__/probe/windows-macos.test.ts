/**
 * The probe rules that differ on Windows and macOS, on other hosts' `os.networkInterfaces()`
 * output (handed in, as Node prints it there) and on per-address verdicts: no Windows or macOS
 * machine is at hand.
 */
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import {
  interfaceAddresses,
  interfaceAddressPlan,
  isLocalAddress,
} from '../../src/probe/local-addresses.js';
import { createProbePlan } from '../../src/probe/probe-plan.js';
import { classifyBindError, markWildcardOnly, type AddressVerdict } from '../../src/probe/probe.js';
import type { Conflict } from '../../src/allocate/allocate.js';
import { conflictMessage, heldBy } from '../../src/report/messages.js';

type Info = NetworkInterfaceInfo;
const v4 = (address: string, internal = false): Info => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:15:5d:01:02:03',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, scopeid: number, internal = false): Info => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:15:5d:01:02:03',
  internal,
  cidr: `${address}/64`,
  scopeid,
});

/** A GitHub-style Windows runner with Hyper-V's NAT switch, as Node prints it there. */
const WINDOWS: NodeJS.Dict<Info[]> = {
  'Ethernet 2': [v6('fe80::8d3:1c5a:77e2:4b1', 7), v4('10.1.0.4')],
  'vEthernet (nat)': [v6('fe80::a1b2:c3d4:e5f6:1234', 23), v4('172.24.112.1')],
  'Loopback Pseudo-Interface 1': [v6('::1', 0, true), v4('127.0.0.1', true)],
};

/** A Mac: link-local on en0 and the loopback. */
const MACOS: NodeJS.Dict<Info[]> = {
  lo0: [v4('127.0.0.1', true), v6('::1', 0, true), v6('fe80::1', 1, true)],
  en0: [v6('fe80::1c2d:3e4f:5a6b:7c8d', 6), v4('192.168.1.20')],
};

/** A Linux host in a Docker swarm: `docker_gwbridge` is not a zone `net.isIP()` accepts. */
const LINUX: NodeJS.Dict<Info[]> = {
  lo: [v4('127.0.0.1', true), v6('::1', 0, true)],
  eth0: [v4('10.0.0.5'), v6('fe80::5054:ff:fe12:3456', 2)],
  docker_gwbridge: [v4('172.18.0.1'), v6('fe80::42:acff:fe12:1', 5)],
};

describe('link-local zones', () => {
  test('Windows: the numeric scope id, never the interface name', () => {
    const addresses = interfaceAddresses(WINDOWS, 'win32').map((a) => a.address);
    expect(addresses).toEqual([
      'fe80::8d3:1c5a:77e2:4b1%7',
      '10.1.0.4',
      'fe80::a1b2:c3d4:e5f6:1234%23',
      '172.24.112.1',
      '::1',
      '127.0.0.1',
    ]);
    expect(addresses.every((a) => isIP(a) !== 0)).toBe(true);
  });

  test('macOS: the interface name', () => {
    expect(interfaceAddresses(MACOS, 'darwin').map((a) => a.address)).toEqual([
      '127.0.0.1',
      '::1',
      'fe80::1%lo0',
      'fe80::1c2d:3e4f:5a6b:7c8d%en0',
      '192.168.1.20',
    ]);
  });

  test('an address net.isIP() rejects is left out and said why; a Windows one without scope id too', () => {
    const linux = interfaceAddressPlan(LINUX, 'linux');
    expect(linux.addresses.map((a) => a.address)).not.toContain(
      'fe80::42:acff:fe12:1%docker_gwbridge',
    );
    expect(linux.addresses.map((a) => a.address)).toContain('fe80::5054:ff:fe12:3456%eth0');
    expect(linux.skipped).toEqual([
      {
        address: 'fe80::42:acff:fe12:1%docker_gwbridge',
        interface: 'docker_gwbridge',
        why: 'not a literal IP address (net.isIP)',
      },
    ]);
    const noScope = interfaceAddressPlan({ Wi: [{ ...v6('fe80::9', 0) }] }, 'win32');
    expect(noScope).toEqual({
      addresses: [],
      skipped: [{ address: 'fe80::9', interface: 'Wi', why: 'link-local without a scope id' }],
    });
  });
});

describe('the Windows probe plan from faked interfaces', () => {
  test('every address is one net.isIP() accepts; the plan carries the excluded ranges', async () => {
    const excluded = [{ lo: 50000, hi: 50059 }];
    const plan = await createProbePlan('all', 'win32', ['tcp'], {
      networkInterfaces: () => WINDOWS,
      excluded,
    });
    expect(plan.tcp.map((a) => a.address)).toEqual([
      '::',
      '0.0.0.0',
      '127.0.0.1',
      '::1',
      'fe80::8d3:1c5a:77e2:4b1%7',
      '10.1.0.4',
      'fe80::a1b2:c3d4:e5f6:1234%23',
      '172.24.112.1',
    ]);
    expect(plan.tcp.every((a) => isIP(a.address) === a.family)).toBe(true);
    expect(plan.excluded).toEqual(excluded);
  });

  test('the verbose plan names what was left out', async () => {
    const plan = await createProbePlan('all', 'darwin', ['udp'], {
      networkInterfaces: () => ({ ...MACOS, 'bad name': [v6('fe80::77', 9)] }),
    });
    expect(plan.description).toContain(
      'not probed: fe80::77%bad name on bad name (not a literal IP address (net.isIP))',
    );
    expect(plan.udp.map((a) => a.address)).not.toContain('fe80::77%bad name');
  });
});

test('127.0.0.0/8 is local on Windows as on Linux; on macOS only what lo0 has', () => {
  expect(isLocalAddress('127.0.0.2', 'win32', WINDOWS)).toBe(true);
  expect(isLocalAddress('127.0.0.2', 'linux', LINUX)).toBe(true);
  expect(isLocalAddress('127.0.0.2', 'darwin', MACOS)).toBe(false);
  expect(isLocalAddress('172.24.112.1', 'win32', WINDOWS)).toBe(true);
  expect(isLocalAddress('fe80::a1b2:c3d4:e5f6:1234%23', 'win32', WINDOWS)).toBe(true);
  expect(isLocalAddress('10.9.9.9', 'win32', WINDOWS)).toBe(false);
});

describe('EACCES', () => {
  test('Windows: reserved only inside the excluded ranges; otherwise a holder refusing to share', () => {
    expect(classifyBindError('EACCES', 'win32', true)).toEqual({
      verdict: 'denied',
      reason: 'reserved',
    });
    // In use, so its holder is looked up and `wait` waits for it (allocate waits on in-use).
    expect(classifyBindError('EACCES', 'win32', false)).toEqual({
      verdict: 'in-use',
      reason: 'exclusive',
    });
  });

  const probed = (...list: Array<[string, AddressVerdict['verdict']]>): AddressVerdict[] =>
    list.map(([address, verdict]) => ({
      address,
      family: address.includes(':') ? 6 : 4,
      verdict,
      ...(verdict === 'denied' ? { code: 'EACCES', ...classifyBindError('EACCES', 'darwin') } : {}),
    }));

  test('macOS: wildcards free, a specific address refused: a server there needs root', () => {
    const addresses = probed(['::', 'free'], ['0.0.0.0', 'free'], ['127.0.0.1', 'denied']);
    markWildcardOnly(addresses, 'darwin');
    expect(addresses[2]).toMatchObject({ verdict: 'denied', reason: 'wildcard-only' });
    const conflict: Conflict = {
      name: 'web',
      port: 80,
      protocol: 'tcp',
      verdict: 'denied',
      address: '127.0.0.1',
      code: 'EACCES',
      reason: 'wildcard-only',
      holders: [],
    };
    expect(conflictMessage(conflict)).toBe(
      'web: port 80/tcp is free for a server on the wildcard; a server on 127.0.0.1 needs root (macOS: ports below 1024 on a specific address)',
    );
    expect(heldBy(conflict)).toBe(
      'free for a server on the wildcard; a server on 127.0.0.1 needs root',
    );
  });

  test('macOS: a refused wildcard stays "needs root", in macOS words (no Linux capability names)', () => {
    const addresses = probed(['::', 'denied']);
    markWildcardOnly(addresses, 'darwin');
    expect(addresses[0].reason).toBe('needs-root');
    const conflict: Conflict = {
      name: 'web',
      port: 80,
      protocol: 'tcp',
      verdict: 'denied',
      address: '::',
      code: 'EACCES',
      reason: 'needs-root',
      holders: [],
    };
    expect(conflictMessage(conflict)).toBe(
      'web: port 80/tcp is refused on :: (EACCES): ports below 1024 need root',
    );
    expect(conflictMessage(conflict) + heldBy(conflict)).not.toMatch(/CAP_NET_BIND_SERVICE/);
  });

  test('Windows: the message says a holder refuses to share the port, and who', () => {
    const message = conflictMessage({
      name: 'db',
      port: 5432,
      protocol: 'tcp',
      verdict: 'in-use',
      address: '0.0.0.0',
      code: 'EACCES',
      reason: 'exclusive',
      holders: [
        {
          protocol: 'tcp',
          port: 5432,
          addresses: ['0.0.0.0'],
          state: 'listen',
          pid: 6120,
          command: 'postgres.exe',
        },
      ],
    });
    expect(message).toBe(
      'db: port 5432/tcp is in use on 0.0.0.0 (EACCES): a holder refuses to share it (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the same address), held by pid 6120 `postgres.exe` on 0.0.0.0',
    );
  });
});
