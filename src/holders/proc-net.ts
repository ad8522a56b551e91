/**
 * Reads the text of Linux `/proc/net/{tcp,tcp6,udp,udp6}`: one header line, then one row per
 * socket. Pure: no file access here, so the parser runs on any platform and on fixtures.
 */
import type { AddressFamily } from '../probe/probe-plan.js';
import type { Protocol } from '../spec/port-spec.js';
import { formatIPv6 } from '../probe/ip-address.js';

/** One socket row of a `/proc/net` table. */
export interface ProcNetSocket {
  protocol: Protocol;
  family: AddressFamily;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** State name, see {@link socketStateName}. */
  state: string;
  /** Owner of the socket as the kernel records it; any user may read it. */
  uid: number;
  /** Socket inode; 0 when no process holds it any more (TIME_WAIT). */
  inode: number;
}

/** Byte order the kernel printed the address words in (`os.endianness()` of the host). */
export type ByteOrder = 'LE' | 'BE';

// The kernel's tcp_states.h numbering; names follow `ss`, in lower case.
const TCP_STATES: Record<number, string> = {
  0x01: 'established',
  0x02: 'syn-sent',
  0x03: 'syn-recv',
  0x04: 'fin-wait-1',
  0x05: 'fin-wait-2',
  0x06: 'time-wait',
  // TCP_CLOSE: for a TCP socket in the table, bound but neither listening nor connected.
  0x07: 'bound',
  0x08: 'close-wait',
  0x09: 'last-ack',
  0x0a: 'listen',
  0x0b: 'closing',
  0x0c: 'new-syn-recv',
};

/**
 * Names a `/proc/net` state code. UDP reuses the TCP numbers: `07` is an unconnected (bound)
 * socket, `01` one that called `connect()`.
 */
export function socketStateName(code: number, protocol: Protocol): string {
  if (protocol === 'udp') {
    if (code === 0x07) return 'bound';
    if (code === 0x01) return 'connected';
  }
  return TCP_STATES[code] ?? `state-${code.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** Turns one printed 32-bit word into its four bytes in network order. */
function wordBytes(word: string, order: ByteOrder): number[] {
  const value = Number.parseInt(word, 16);
  const bytes = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  // The kernel prints the word as the host reads it from memory; on a little-endian host the
  // network-order bytes come out reversed.
  return order === 'LE' ? bytes.reverse() : bytes;
}

/** Decodes a `/proc/net` address (8 hex digits for IPv4, 32 for IPv6) to its text form. */
export function decodeProcNetAddress(hex: string, order: ByteOrder = 'LE'): string {
  if (hex.length === 8) return wordBytes(hex, order).join('.');
  if (hex.length === 32) {
    const bytes: number[] = [];
    for (let i = 0; i < 32; i += 8) bytes.push(...wordBytes(hex.slice(i, i + 8), order));
    return formatIPv6(bytes);
  }
  throw new Error(`not a /proc/net address: ${hex}`);
}

const ENDPOINT = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/;

/**
 * Parses the text of one `/proc/net/{tcp,tcp6,udp,udp6}` file. Rows that do not have the
 * expected shape (the header, a truncated last line) are skipped, not fatal: the kernel may add
 * columns at the end, which are ignored.
 */
export function parseProcNet(
  text: string,
  protocol: Protocol,
  order: ByteOrder = 'LE',
): ProcNetSocket[] {
  const sockets: ProcNetSocket[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode, ...
    if (fields.length < 10 || !/^\d+:$/.test(fields[0])) continue;
    const local = ENDPOINT.exec(fields[1]);
    const remote = ENDPOINT.exec(fields[2]);
    if (!local || !remote || !/^[0-9A-Fa-f]{2}$/.test(fields[3])) continue;
    if (!/^\d+$/.test(fields[7]) || !/^\d+$/.test(fields[9])) continue;
    sockets.push({
      protocol,
      family: local[1].length === 8 ? 4 : 6,
      localAddress: decodeProcNetAddress(local[1], order),
      localPort: Number.parseInt(local[2], 16),
      remoteAddress: decodeProcNetAddress(remote[1], order),
      remotePort: Number.parseInt(remote[2], 16),
      state: socketStateName(Number.parseInt(fields[3], 16), protocol),
      uid: Number(fields[7]),
      inode: Number(fields[9]),
    });
  }
  return sockets;
}
