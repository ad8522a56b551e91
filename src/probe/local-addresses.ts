import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { AddressFamily, ProbeAddress } from './probe-plan.js';

/**
 * One spelling per address, so `::1`, `0:0::1` and `::0001` compare equal. The URL parser
 * canonicalizes IPv6 without any lookup; a `%scope` suffix is kept as written.
 */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const pct = address.indexOf('%');
  const bare = pct >= 0 ? address.slice(0, pct) : address;
  const scope = pct >= 0 ? address.slice(pct) : '';
  return new URL(`http://[${bare}]`).hostname.slice(1, -1) + scope;
}

/** The literal address a server would bind to reach this interface address (link-local needs its scope). */
function bindable(info: NetworkInterfaceInfo, iface: string): string {
  if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:'))
    return `${info.address}%${iface}`;
  return info.address;
}

/** Every address of this host's interfaces, as probe addresses. */
export function interfaceAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): ProbeAddress[] {
  const out: ProbeAddress[] = [];
  for (const [iface, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      const family: AddressFamily = info.family === 'IPv6' ? 6 : 4;
      out.push({ address: bindable(info, iface), family });
    }
  }
  return out;
}

/**
 * Whether a server on this host could bind `address`: a wildcard, an interface address, or
 * (Linux) anything in 127.0.0.0/8, which the loopback interface answers as a whole.
 */
export function isLocalAddress(
  address: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const canonical = canonicalAddress(address);
  if (canonical === '0.0.0.0' || canonical === '::') return true;
  if (platform === 'linux' && isIP(address) === 4 && address.startsWith('127.')) return true;
  return interfaceAddresses().some((a) => {
    const known = canonicalAddress(a.address);
    // A link-local address may be named with or without its scope.
    return known === canonical || known.replace(/%.*$/, '') === canonical;
  });
}
