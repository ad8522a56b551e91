import { networkInterfaces } from 'node:os';
import type { AddressFamily } from '../probe/probe-plan.js';
/** What one connection attempt said. */
export type ConnectVerdict = 
/** A socket listens there and accepted the connection. */
'accepted'
/** Nothing listens there (ECONNREFUSED). */
 | 'refused'
/** The address does not exist here (no IPv6 loopback, EADDRNOTAVAIL, ENETUNREACH). */
 | 'unavailable'
/** No answer in time, or another error: says nothing either way. */
 | 'unknown';
/** The loopback address of each family. */
export declare const LOOPBACK: Readonly<Record<AddressFamily, string>>;
/** Connects to `address:port` and closes at once; never throws. */
export declare function connectOnce(address: string, port: number, timeoutMs?: number): Promise<ConnectVerdict>;
/**
 * The loopback families this host has: IPv4 always; IPv6 when an interface carries `::1`
 * (absent in containers started without IPv6).
 */
export declare function loopbackFamilies(interfaces?: ReturnType<typeof networkInterfaces>): AddressFamily[];
/** Per family: what a connection to its loopback address on `port` said. */
export type LoopbackAnswers = Partial<Record<AddressFamily, ConnectVerdict>>;
/** Connects to the loopback of every given family at once (different addresses never collide). */
export declare function connectLoopbacks(port: number, families: readonly AddressFamily[], timeoutMs?: number): Promise<LoopbackAnswers>;
