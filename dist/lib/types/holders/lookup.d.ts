import type { Protocol } from '../spec/port-spec.js';
/** A process (or what can be known of one) holding a port. */
export interface Holder {
    protocol: Protocol;
    port: number;
    /** Local addresses the holder's sockets are bound to. */
    addresses: string[];
    /** Socket state: `listen`, `bound` (UDP), `time-wait`, `established`, … */
    state: string;
    pid?: number;
    /** Short command name (`comm`). */
    command?: string;
    /** Command line, shortened for display. */
    commandLine?: string;
    uid?: number;
    user?: string;
    /** True when the socket was seen but its process could not be (needs root, hidepid). */
    hidden?: boolean;
    /** For `docker-proxy`: where it forwards to. */
    container?: {
        ip?: string;
        port?: number;
        name?: string;
    };
}
/**
 * The socket states that occupy a port whatever the other side does: a listener, or a socket
 * bound without listening (it still blocks a bind). Every platform's reader names its states
 * in these words, so this is the one list of them.
 */
export declare const OCCUPYING_STATES: ReadonlySet<string>;
/** Whether a socket blocks its port by itself: every UDP socket, a TCP one in those states. */
export declare function occupiesPort(protocol: Protocol, state: string): boolean;
/** A port and protocol to look up holders for. */
export interface HolderQuery {
    port: number;
    protocol: Protocol;
}
/** Finds who holds busy ports; called only after a probe said "in use". */
export type HolderFinder = (queries: HolderQuery[]) => Promise<Holder[]>;
/**
 * The holder lookup, loaded only when a port turned out busy: the happy path never pays for
 * the /proc readers, lsof, netstat and docker code (or `child_process`).
 */
export declare const findHoldersWhenNeeded: HolderFinder;
/** Looks every query up in one call and sorts the holders back to their query, in order. */
export declare function holdersPerQuery(finder: HolderFinder, queries: readonly HolderQuery[]): Promise<Holder[][]>;
