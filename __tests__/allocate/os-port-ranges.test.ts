import { readFileSync } from 'node:fs';
import {
  parseLinuxPortRange,
  parseLinuxReservedPorts,
  parseWindowsExcludedRanges,
  readOsPortRanges,
} from '../../src/allocate/os-port-ranges.js';

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

test('this machine: what the kernel says', async () => {
  const text = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
  const ranges = await readOsPortRanges(['tcp'], 'linux');
  expect(ranges.ephemeral).toEqual(parseLinuxPortRange(text));
  expect(ranges.reserved).toEqual(
    parseLinuxReservedPorts(readFileSync('/proc/sys/net/ipv4/ip_local_reserved_ports', 'utf8')),
  );
});
