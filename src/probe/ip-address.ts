/**
 * IP addresses as text: one spelling per address. Every address port-guard prints (a holder's
 * socket from `/proc/net`) or compares (the `hosts` input against the interfaces, the probe
 * plan's duplicates) goes through the one IPv6 formatter here, so an address reads the same
 * wherever it appears.
 */
import { isIP } from 'node:net';

/**
 * Formats 16 network-order bytes as RFC 5952 text: lower case, the longest run of two or more
 * zero groups as `::`, and IPv4-mapped addresses as `::ffff:a.b.c.d`.
 */
export function formatIPv6(bytes: number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

/**
 * The 16 network-order bytes of an IPv6 address (without a `%zone`). The URL parser reads
 * every spelling (`::1`, `0:0::1`, `::ffff:1.2.3.4`) without any lookup and prints hex groups
 * with the longest zero run as `::`, which is expanded here.
 */
function ipv6Bytes(address: string): number[] {
  const hex = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const [head = '', tail] = hex.split('::');
  const groups = (text: string | undefined): number[] =>
    text === undefined || text === '' ? [] : text.split(':').map((g) => Number.parseInt(g, 16));
  const front = groups(head);
  const back = groups(tail);
  const zeros = new Array<number>(8 - front.length - back.length).fill(0);
  return [...front, ...zeros, ...back].flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * One spelling per address, so `::1`, `0:0::1` and `::0001` compare equal: IPv6 in the form
 * {@link formatIPv6} prints; a `%scope` suffix is kept as written; anything else as it is.
 */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const pct = address.indexOf('%');
  const bare = pct >= 0 ? address.slice(0, pct) : address;
  const scope = pct >= 0 ? address.slice(pct) : '';
  return formatIPv6(ipv6Bytes(bare)) + scope;
}
