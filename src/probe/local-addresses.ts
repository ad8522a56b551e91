import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { AddressFamily, ProbeAddress } from './probe-plan.js';
import { canonicalAddress } from './ip-address.js';

/** The `os.networkInterfaces()` signature, so a test can hand in another host's interfaces. */
export type InterfaceLister = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Whether an IPv6 address is link-local (fe80::/10): a server binds it only with a zone. */
function isLinkLocal(address: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

/**
 * The literal address a server would bind to reach this interface address. Link-local IPv6
 * needs its zone: the interface name on Linux and macOS (`fe80::1%en0`), but the numeric scope
 * id on Windows (`fe80::1%12`): libuv reads the zone there with `atoi()`, and Windows names such
 * as `vEthernet (nat)` are not even valid zones. Undefined when there is no zone to give.
 */
function bindable(
  info: NetworkInterfaceInfo,
  iface: string,
  platform: NodeJS.Platform,
): string | undefined {
  if (info.family !== 'IPv6' || !isLinkLocal(info.address)) return info.address;
  const bare = info.address.replace(/%.*$/, '');
  if (platform === 'win32') {
    const scope = info.scopeid;
    return scope !== undefined && Number.isInteger(scope) && scope > 0
      ? `${bare}%${scope}`
      : undefined;
  }
  return `${bare}%${iface}`;
}

/** An interface address that cannot be probed, and why: logged with the probe plan. */
export interface SkippedAddress {
  address: string;
  interface: string;
  why: string;
}

/**
 * Every address of this host's interfaces that a probe can bind, and the ones it cannot: an
 * address `net.isIP()` rejects never reaches `listen()`, which would take it for a host name,
 * look it up and fail with ENOTFOUND. (`os.networkInterfaces()` lists only interfaces that are
 * up: addresses of interfaces that are down are not probed.)
 */
export function interfaceAddressPlan(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  platform: NodeJS.Platform = process.platform,
): { addresses: ProbeAddress[]; skipped: SkippedAddress[] } {
  const addresses: ProbeAddress[] = [];
  const skipped: SkippedAddress[] = [];
  for (const [iface, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      const family: AddressFamily = info.family === 'IPv6' ? 6 : 4;
      const address = bindable(info, iface, platform);
      if (address === undefined) {
        skipped.push({
          address: info.address,
          interface: iface,
          why: 'link-local without a scope id',
        });
      } else if (isIP(address) !== family) {
        skipped.push({ address, interface: iface, why: 'not a literal IP address (net.isIP)' });
      } else {
        addresses.push({ address, family });
      }
    }
  }
  return { addresses, skipped };
}

/** Every address of this host's interfaces that a probe can bind, as probe addresses. */
export function interfaceAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  platform: NodeJS.Platform = process.platform,
): ProbeAddress[] {
  return interfaceAddressPlan(interfaces, platform).addresses;
}

/**
 * Whether a server on this host could bind `address`: a wildcard, an interface address, or
 * anything in 127.0.0.0/8 on Linux and Windows, whose loopback answers the whole block (macOS
 * answers only the addresses configured on lo0, which are interface addresses).
 */
export function isLocalAddress(
  address: string,
  platform: NodeJS.Platform = process.platform,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): boolean {
  const canonical = canonicalAddress(address);
  if (canonical === '0.0.0.0' || canonical === '::') return true;
  if (
    (platform === 'linux' || platform === 'win32') &&
    isIP(address) === 4 &&
    address.startsWith('127.')
  )
    return true;
  return interfaceAddresses(interfaces, platform).some((a) => {
    const known = canonicalAddress(a.address);
    // A link-local address may be named with or without its scope.
    return known === canonical || known.replace(/%.*$/, '') === canonical;
  });
}
