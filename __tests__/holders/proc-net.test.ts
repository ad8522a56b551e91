import { readFileSync } from 'node:fs';
import { decodeProcNetAddress, parseProcNet, socketStateName } from '../../src/holders/proc-net.js';
import { formatIPv6 } from '../../src/probe/ip-address.js';
import { testNeeds } from '../support/needs.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/holders/proc/${name}`, import.meta.url), 'utf8');

describe('parseProcNet', () => {
  test('reads IPv4 TCP rows: address words in host (little-endian) order, state, uid, inode', () => {
    const rows = parseProcNet(fixture('tcp'), 'tcp');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      protocol: 'tcp',
      family: 4,
      localAddress: '0.0.0.0',
      localPort: 5432,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: 'listen',
      uid: 70,
      inode: 21001,
    });
    expect(rows.map((r) => `${r.localAddress}:${r.localPort} ${r.state}`)).toEqual([
      '0.0.0.0:5432 listen',
      '127.0.0.1:3000 listen',
      '127.0.0.1:41234 established',
      '127.0.0.1:5432 established',
      '10.1.2.3:8080 time-wait',
      '192.168.1.20:6000 bound',
    ]);
    expect(rows[4]).toMatchObject({ remoteAddress: '93.184.216.34', remotePort: 443, inode: 0 });
  });

  test('reads IPv6 rows as canonical (RFC 5952) text', () => {
    const rows = parseProcNet(fixture('tcp6'), 'tcp');
    expect(rows.every((r) => r.family === 6)).toBe(true);
    expect(rows.map((r) => r.localAddress)).toEqual([
      '::',
      '::1',
      '::ffff:127.0.0.1',
      'fe80::fc:ff:fe00:1',
      '2001:db8::1:0:0:1',
      '2001:db8::1:0:0:1',
    ]);
    expect(rows.map((r) => r.localPort)).toEqual([5432, 3000, 3001, 3002, 3003, 3004]);
  });

  test('UDP: 07 is a bound socket, 01 a connected one', () => {
    const rows = parseProcNet(fixture('udp'), 'udp');
    expect(rows.map((r) => [r.localAddress, r.localPort, r.state, r.uid, r.inode])).toEqual([
      ['0.0.0.0', 5353, 'bound', 104, 22001],
      ['127.0.0.1', 5353, 'connected', 1000, 22002],
    ]);
    expect(parseProcNet(fixture('udp6'), 'udp')).toEqual([
      expect.objectContaining({ localAddress: '::', localPort: 5353, state: 'bound', family: 6 }),
    ]);
  });

  test('skips the header, blank and malformed lines instead of failing', () => {
    const text = `${fixture('tcp')}garbage line\n   7: 0100007F:0BB8\n\n`;
    expect(parseProcNet(text, 'tcp')).toHaveLength(6);
    expect(parseProcNet('', 'tcp')).toEqual([]);
  });

  testNeeds('linux')('reads this machine’s real tables without dropping a row', () => {
    for (const [file, protocol] of [
      ['tcp', 'tcp'],
      ['tcp6', 'tcp'],
      ['udp', 'udp'],
      ['udp6', 'udp'],
    ] as const) {
      let text: string;
      try {
        text = readFileSync(`/proc/net/${file}`, 'utf8');
      } catch {
        continue;
      }
      const dataLines = text.split('\n').filter((l) => /^\s*\d+:/.test(l));
      expect(parseProcNet(text, protocol)).toHaveLength(dataLines.length);
    }
  });
});

describe('decodeProcNetAddress', () => {
  test('honours the byte order of the host that printed it', () => {
    expect(decodeProcNetAddress('0100007F', 'LE')).toBe('127.0.0.1');
    expect(decodeProcNetAddress('7F000001', 'BE')).toBe('127.0.0.1');
    expect(decodeProcNetAddress('00000000000000000000000000000001', 'BE')).toBe('::1');
  });

  test('rejects text that is not an address', () => {
    expect(() => decodeProcNetAddress('0100', 'LE')).toThrow(/not a \/proc\/net address/);
  });
});

describe('formatIPv6', () => {
  const bytes = (groups: number[]): number[] => groups.flatMap((g) => [g >> 8, g & 0xff]);
  test('compresses the longest zero run, the first of equal ones, never a single zero', () => {
    expect(formatIPv6(bytes([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(bytes([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIPv6(bytes([1, 0, 0, 0, 0, 0, 0, 0]))).toBe('1::');
    expect(formatIPv6(bytes([0, 0, 0, 0, 0, 0, 0, 0]))).toBe('::');
    expect(formatIPv6(bytes([0xfe80, 0, 0, 0, 0xabcd, 0, 0, 0]))).toBe('fe80::abcd:0:0:0');
  });
});

describe('socketStateName', () => {
  test('names the kernel TCP states and says what it does not know', () => {
    expect(socketStateName(0x0a, 'tcp')).toBe('listen');
    expect(socketStateName(0x06, 'tcp')).toBe('time-wait');
    expect(socketStateName(0x01, 'tcp')).toBe('established');
    expect(socketStateName(0x07, 'tcp')).toBe('bound');
    expect(socketStateName(0x08, 'tcp')).toBe('close-wait');
    expect(socketStateName(0x1f, 'tcp')).toBe('state-1F');
    expect(socketStateName(0x01, 'udp')).toBe('connected');
  });
});
