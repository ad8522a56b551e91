import type { Holder } from '../holders/lookup.js';
import { type PortReady, type PortWaiting, type ReadyDeps, type ReadyTarget } from './port-check.js';
import type { ProcessExit, WatchedProcess } from './watched-process.js';
export declare const FIRST_DELAY_MS = 10;
export declare const MAX_DELAY_MS = 500;
export interface WaitOptions {
    /** 0 looks once. */
    timeoutMs: number;
    /** The process the ports must belong to; its end ends the wait. */
    process?: WatchedProcess;
    /** Its start in the process table's units (for the Docker rule), when known. */
    processStart?: number;
    /** A path whose GET on the first TCP port must answer 2xx or 3xx. */
    http?: string;
    signal?: AbortSignal;
    deps: ReadyDeps;
    /** Called after every round of looks (progress logging). */
    onRound?: (waiting: PortWaiting[], elapsedMs: number) => void;
}
/** A port not ready at the end, with who holds it (for the message). */
export interface PortMissing {
    waiting: PortWaiting;
    holders: Holder[];
}
export type WaitOutcome = {
    ok: true;
    ready: PortReady[];
    elapsedMs: number;
} | {
    ok: false;
    reason: 'timeout';
    ready: PortReady[];
    missing: PortMissing[];
    elapsedMs: number;
} | {
    ok: false;
    reason: 'exited';
    exit: ProcessExit;
    ready: PortReady[];
    missing: PortMissing[];
    elapsedMs: number;
} | {
    ok: false;
    reason: 'stranger';
    target: ReadyTarget;
    holders: Holder[];
    ready: PortReady[];
    elapsedMs: number;
};
/**
 * Waits until every target is ready; see {@link WaitOutcome} for every way it ends. The probe
 * sockets and their timers are unref()ed; one timer holds the process open while the wait is
 * pending (a process must not quit mid-wait) and is gone once it ends.
 */
export declare function waitUntilReady(targets: readonly ReadyTarget[], options: WaitOptions): Promise<WaitOutcome>;
