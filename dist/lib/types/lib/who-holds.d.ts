import type { PortHolders } from './types.js';
/**
 * Who holds these ports: `5432`, `"5432/tcp"`, `"5353/udp"`, `"8443/both"` (TCP when no protocol
 * is given). Unknown is said as unknown (`hidden`, no pid), never as "nobody".
 *
 * @throws {InputErrors} for a target that is not a port.
 */
export declare function whoHolds(ports: ReadonlyArray<number | string> | number | string): Promise<PortHolders[]>;
