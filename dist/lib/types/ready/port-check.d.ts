import type { AddressFamily } from '../probe/probe-plan.js';
import type { Holder, HolderFinder } from '../holders/lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import type { LoopbackAnswers } from './loopback-connect.js';
import { type HttpAnswer } from './http-check.js';
import { type ExpectedProcess } from './holder-ownership.js';
import type { ProcessTable } from './process-tree.js';
/** A port to wait for. */
export interface ReadyTarget {
    /** The spec's name, for messages (`web`), when it has one. */
    name?: string;
    port: number;
    protocol: Protocol;
}
/** What the checks need of the system; the real ones are in `readyDeps()`. */
export interface ReadyDeps {
    /** The loopback families this host has (IPv4, and IPv6 when `::1` exists). */
    families: readonly AddressFamily[];
    connect(port: number, families: readonly AddressFamily[]): Promise<LoopbackAnswers>;
    findHolders: HolderFinder;
    /**
     * How many sockets are bound on a UDP port, from the socket table alone (Linux); undefined
     * where only the holder lookup can tell.
     */
    countUdpSockets?(port: number): number | undefined;
    processTable(): Promise<ProcessTable>;
    httpGet(address: string, port: number, path: string): Promise<HttpAnswer>;
}
/** A port that is ready, and how. */
export interface PortReady {
    target: ReadyTarget;
    /** TCP: the loopback families that accepted a connection. */
    accepts: AddressFamily[];
    /** Who listens (when the lookup could tell). */
    holders: Holder[];
    /** The HTTP status that made it ready, with `http`. */
    httpStatus?: number;
    /** Only one family accepts on a host that has both. */
    oneFamilyOnly?: AddressFamily;
}
/** Why a port is not ready yet. */
export type PortWaiting = {
    why: 'nothing-listens';
    target: ReadyTarget;
} | {
    /** It listens on a family whose loopback refuses (a specific address, or v6-only). */
    why: 'family-refused';
    target: ReadyTarget;
    accepts: AddressFamily[];
    refused: AddressFamily[];
    holders: Holder[];
} | {
    why: 'holder-unseen';
    target: ReadyTarget;
    accepts: AddressFamily[];
} | {
    why: 'http';
    target: ReadyTarget;
    answer: HttpAnswer;
    accepts: AddressFamily[];
};
export type PortLook = {
    kind: 'ready';
    ready: PortReady;
} | {
    kind: 'waiting';
    waiting: PortWaiting;
} | {
    kind: 'stranger';
    target: ReadyTarget;
    holders: Holder[];
};
/** What a watcher must know of the expected process, and the lookup of its holders. */
export interface PortCheckContext {
    deps: ReadyDeps;
    expected?: ExpectedProcess;
    /** With `http`: the path to GET on this port. */
    httpPath?: string;
    /** Set once the expected process has exited with code 0 (see `exitedCleanly`). */
    exitedCleanly?: boolean;
}
/**
 * Watches one port across looks. It remembers whether the port was seen free since the watch
 * began (the Docker rule) and whose holders it has already verified, so a server that answers
 * 503 for a while is not looked up on every tick.
 */
export declare class PortWatch {
    readonly target: ReadyTarget;
    readonly ctx: PortCheckContext;
    private seenFree;
    private verified;
    constructor(target: ReadyTarget, ctx: PortCheckContext);
    /** Whether the port had nothing on it at some look since the watch began. */
    get seenFreeSinceStart(): boolean;
    private markFree;
    /**
     * The holders of this port, checked against the expected process: a stranger when any is
     * not its; undefined when nothing could be seen.
     */
    private holders;
    /** Looks once. */
    look(): Promise<PortLook>;
    private lookUdp;
    private lookTcp;
    /** Who holds the port now, for a message at the end (a full lookup; any state). */
    currentHolders(): Promise<Holder[]>;
}
