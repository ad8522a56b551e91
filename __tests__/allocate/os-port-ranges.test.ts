import { readFileSync } from 'node:fs';
import {
  parseLinuxPortRange,
  parseLinuxReservedPorts,
  parseSysctlPortRange,
  parseWindowsDynamicPortRange,
  parseWindowsExcludedRanges,
  readOsPortRanges,
} from '../../src/allocate/os-port-ranges.js';
import type { ToolRunner } from '../../src/system/run-tool.js';
import { testNeeds } from '../support/needs.js';

const fixture = (name: string) => readFileSync(`__tests__/fixtures/netsh/${name}`, 'utf8');

test('Windows excluded port ranges, English and German netsh output', () => {
  expect(parseWindowsExcludedRanges(fixture('excludedportrange-tcp-en.txt'))).toEqual([
    { lo: 5357, hi: 5357 },
    { lo: 49677, hi: 49876 },
    { lo: 50000, hi: 50059 },
  ]);
  expect(parseWindowsExcludedRanges(fixture('excludedportrange-tcp-de.txt'))).toEqual([
    { lo: 1025, hi: 1124 },
    { lo: 63000, hi: 63099 },
  ]);
  expect(parseWindowsExcludedRanges('')).toEqual([]);
});

test('Linux ip_local_port_range and ip_local_reserved_ports', () => {
  expect(parseLinuxPortRange('32768\t60999\n')).toEqual({ lo: 32768, hi: 60999 });
  expect(parseLinuxPortRange('garbage')).toBeUndefined();
  expect(parseLinuxReservedPorts('8000-8002,9000\n')).toEqual([
    { lo: 8000, hi: 8002 },
    { lo: 9000, hi: 9000 },
  ]);
  expect(parseLinuxReservedPorts('\n')).toEqual([]);
});

testNeeds('linux')('this machine: what the kernel says', async () => {
  const text = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
  const ranges = await readOsPortRanges(['tcp'], 'linux');
  expect(ranges.ephemeral).toEqual(parseLinuxPortRange(text));
  expect(ranges.reserved).toEqual(
    parseLinuxReservedPorts(readFileSync('/proc/sys/net/ipv4/ip_local_reserved_ports', 'utf8')),
  );
});

describe('the ephemeral range on Windows and macOS is read, not assumed', () => {
  type Call = string[];
  const answering =
    (answers: Record<string, string | undefined>, calls: Call[] = []): ToolRunner =>
    async (command, args) => {
      calls.push([command, ...args]);
      const text = answers[[command, ...args].join(' ')];
      return text === undefined
        ? { code: null, stdout: '', failure: 'ENOENT' }
        : { code: 0, stdout: text };
    };
  const NETSH = 'C:\\Windows\\System32\\netsh.exe';

  test('netsh dynamicport: two numbers, start and count, whatever the labels say', () => {
    expect(parseWindowsDynamicPortRange(fixture('dynamicport-tcp-en.txt'))).toEqual({
      lo: 49152,
      hi: 65535,
    });
    // A Visual Studio install once moved it to 1025–65535 on GitHub's Windows image.
    expect(parseWindowsDynamicPortRange(fixture('dynamicport-tcp-de.txt'))).toEqual({
      lo: 1025,
      hi: 65535,
    });
    expect(parseWindowsDynamicPortRange('Start Port : 60000\r\nNumber of Ports : 9000\r\n')).toBe(
      undefined,
    );
    expect(parseWindowsDynamicPortRange('')).toBeUndefined();
  });

  test('sysctl portrange: two lines', () => {
    expect(parseSysctlPortRange('10000\n20000\n')).toEqual({ lo: 10000, hi: 20000 });
    expect(parseSysctlPortRange('sysctl: unknown oid\n')).toBeUndefined();
  });

  test('Windows: the dynamic range from netsh (System32 path), the exclusions beside it', async () => {
    const calls: Call[] = [];
    const ranges = await readOsPortRanges(['tcp'], 'win32', {
      run: answering(
        {
          [`${NETSH} int ipv4 show dynamicport tcp`]: fixture('dynamicport-tcp-de.txt'),
          [`${NETSH} int ipv4 show excludedportrange protocol=tcp`]: fixture(
            'excludedportrange-tcp-en.txt',
          ),
          [`${NETSH} int ipv6 show excludedportrange protocol=tcp`]: '',
        },
        calls,
      ),
    });
    expect(ranges.ephemeral).toEqual({ lo: 1025, hi: 65535 });
    expect(ranges.reserved).toEqual([
      { lo: 5357, hi: 5357 },
      { lo: 49677, hi: 49876 },
      { lo: 50000, hi: 50059 },
    ]);
    expect(ranges.notes[0]).toMatch(/^ephemeral range 1025-65535 \(netsh/);
    expect(calls.every(([command]) => command === NETSH)).toBe(true);
  });

  test('macOS: /usr/sbin/sysctl net.inet.ip.portrange.first/last', async () => {
    const calls: Call[] = [];
    const ranges = await readOsPortRanges(['tcp', 'udp'], 'darwin', {
      run: answering(
        {
          '/usr/sbin/sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last':
            '32768\n65535\n',
        },
        calls,
      ),
    });
    expect(ranges).toEqual({
      ephemeral: { lo: 32768, hi: 65535 },
      reserved: [],
      notes: ['ephemeral range 32768-65535 (sysctl net.inet.ip.portrange)'],
    });
    expect(calls).toHaveLength(1);
  });

  test.each(['darwin', 'win32'] as const)(
    '%s: a range that cannot be read is 49152-65535, and the notes say so',
    async (platform) => {
      const ranges = await readOsPortRanges(['tcp'], platform, { run: answering({}) });
      expect(ranges.ephemeral).toEqual({ lo: 49152, hi: 65535 });
      expect(ranges.notes[0]).toMatch(/could not be read; assuming 49152-65535$/);
    },
  );
});
