import type { GetPortOptions, GuardPortsOptions, GuardPortsResult, ReleasedPort } from './types.js';
/**
 * Checks that the ports of `specs` are free and hands out the rest, as the action does.
 *
 * @param specs `[name=]port[/protocol]` specs: one string (`"web=3000, api=auto"`) or an array
 *   (`["web=3000", 5432, "dns=5353/udp"]`).
 * @returns `ok` with `ports` (`{ name: port }`) when every spec has a port; otherwise `ok:
 *   false`, the `conflicts` and no leases held. Leases taken belong to the calling process
 *   until `release()`, {@link releasePorts} or its exit.
 * @throws {InputErrors} for bad specs or options (one entry per bad token, naming the option),
 *   before any socket is opened or lease taken.
 *
 * @example
 * const { ports, release } = await guardPorts('api=auto, db=auto');
 * process.env.API_PORT = String(ports.api);
 * // ... later
 * await release();
 */
export declare function guardPorts(specs: string | ReadonlyArray<string | number>, options?: GuardPortsOptions): Promise<GuardPortsResult>;
/**
 * One free TCP port, leased host-wide to the calling process until {@link releasePorts} or the
 * process exits: the drop-in for get-port that is safe across processes (parallel test
 * workers, other checkouts, other CI jobs on the same host never get the same port).
 *
 * @throws {InputErrors} for bad options; an `Error` when no port in `fallbackRange` is free.
 *
 * @example
 * const port = await getPort();
 * server.listen(port);
 */
export declare function getPort(options?: GetPortOptions): Promise<number>;
/**
 * Gives back leases the calling process (or `owner`) holds: the given ports, or all of them.
 * Without `leaseDir`, in every lease dir this process used through the library (the default
 * one when it used none).
 *
 * @returns the leases given back.
 */
export declare function releasePorts(ports?: ReadonlyArray<number>, options?: {
    leaseDir?: string;
    owner?: number;
}): Promise<ReleasedPort[]>;
