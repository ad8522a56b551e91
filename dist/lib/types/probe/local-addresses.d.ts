import { type NetworkInterfaceInfo } from 'node:os';
import type { ProbeAddress } from './probe-plan.js';
/** The `os.networkInterfaces()` signature, so a test can hand in another host's interfaces. */
export type InterfaceLister = () => NodeJS.Dict<NetworkInterfaceInfo[]>;
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
export declare function interfaceAddressPlan(interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>, platform?: NodeJS.Platform): {
    addresses: ProbeAddress[];
    skipped: SkippedAddress[];
};
/** Every address of this host's interfaces that a probe can bind, as probe addresses. */
export declare function interfaceAddresses(interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>, platform?: NodeJS.Platform): ProbeAddress[];
/**
 * Whether a server on this host could bind `address`: a wildcard, an interface address, or
 * anything in 127.0.0.0/8 on Linux and Windows, whose loopback answers the whole block (macOS
 * answers only the addresses configured on lo0, which are interface addresses).
 */
export declare function isLocalAddress(address: string, platform?: NodeJS.Platform, interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): boolean;
