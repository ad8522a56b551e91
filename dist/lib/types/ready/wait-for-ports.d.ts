import type { Holder } from '../holders/lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import type { WaitOutcome } from './wait-loop.js';
export interface WaitForPortsOptions {
    /** Seconds to wait, 0 to 3600 (default 60); 0 looks once. */
    timeout?: number;
    /** The ports must belong to this process or one of its descendants; its exit ends the wait. */
    pid?: number;
    /** A path (e.g. `/health`) whose GET on the first TCP port must answer 2xx or 3xx. */
    http?: string;
    /** Aborts the wait: the promise rejects with the signal's reason. */
    signal?: AbortSignal;
}
/** One port that is ready. */
export interface ReadyPort {
    name?: string;
    port: number;
    protocol: Protocol;
    /** TCP: the loopback addresses that accepted a connection (`127.0.0.1`, `::1`). */
    accepts: string[];
    holders: Holder[];
    httpStatus?: number;
    /** Set when only one family accepts connections. */
    warning?: string;
}
export interface WaitForPortsResult {
    ports: ReadyPort[];
    /** The family warnings, also on each port. */
    warnings: string[];
    elapsedMs: number;
}
/** The wait ended without every port ready; `message` says what was missing, line by line. */
export declare class NotReadyError extends Error {
    readonly reason: 'timeout' | 'exited' | 'stranger';
    readonly outcome: WaitOutcome;
    constructor(lines: string[], outcome: Exclude<WaitOutcome, {
        ok: true;
    }>);
}
/** Waits until servers listen on `ports` (numbers or specs `[name=]port[/protocol]`). */
export declare function waitForPorts(ports: number | string | readonly (number | string)[], options?: WaitForPortsOptions): Promise<WaitForPortsResult>;
