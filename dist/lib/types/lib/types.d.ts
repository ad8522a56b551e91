/**
 * The library's public vocabulary. Self-contained on purpose: these declarations are what
 * `import … from 'port-guard'` users see, and they must not change when the engine's internal
 * types do.
 */
/** A transport protocol; TCP and UDP are separate port spaces. */
export type Protocol = 'tcp' | 'udp';
/** What a spec may ask for: one protocol, or `both` (TCP and UDP must both be free). */
export type SpecProtocol = Protocol | 'both';
/**
 * Options of {@link guardPorts}: the action's inputs in camelCase, with the same defaults.
 * Bad values throw {@link InputErrors} before any socket is opened or any lease taken.
 */
export interface GuardPortsOptions {
    /** Default protocol for specs that name none. Default `'tcp'`. */
    protocol?: SpecProtocol;
    /**
     * What to do when a requested port is busy: `'fail'` (the result is not `ok`), `'fallback'`
     * to a free port from `fallbackRange`, or `'warn'` and keep the requested port. Default `'fail'`.
     */
    onConflict?: 'fail' | 'fallback' | 'warn';
    /**
     * Where fallback and `auto` ports come from: `'LO-HI'` ranges (a string with several, or an
     * array of ranges and single ports). Default `'49152-65535'`.
     */
    fallbackRange?: string | ReadonlyArray<string | number>;
    /** `'random'` or `'sequential'` (lowest free first). Default `'random'`. */
    fallbackStrategy?: 'random' | 'sequential';
    /** Ports and ranges never handed out, e.g. `[5432, '8000-8100']`. Default none. */
    exclude?: string | ReadonlyArray<string | number>;
    /**
     * Which local addresses a port must be free on: `'all'` (every wildcard, loopback and
     * interface address), or literal IP addresses of this host. Default `'all'`.
     */
    hosts?: 'all' | string | readonly string[];
    /** Seconds (0–3600) to wait for a busy requested port to become free. Default `0`. */
    wait?: number;
    /** Makes the random order deterministic. Default: a fresh order every call. */
    seed?: string;
    /**
     * Take a host-wide lease on every port, so no other port-guard user on this host (another
     * test process, another CI job) gets it while the owner lives. Default `true`.
     */
    lease?: boolean;
    /**
     * Where leases live; everything on a host that should coordinate must use the same one.
     * Default: the host-wide directory (`/tmp/port-guard`, `%ProgramData%\port-guard`).
     */
    leaseDir?: string;
    /** Seconds after which an unreleased lease expires. Default `21600` (6 hours). */
    leaseTtl?: number;
    /** The pid whose life the leases follow. Default: the calling process. */
    owner?: number;
    /** Cancels the call (while waiting or probing); leases taken so far are given back. */
    signal?: AbortSignal;
}
/** Options of {@link getPort}. */
export interface GetPortOptions extends Pick<GuardPortsOptions, 'fallbackRange' | 'fallbackStrategy' | 'exclude' | 'hosts' | 'seed' | 'lease' | 'leaseDir' | 'leaseTtl' | 'owner' | 'signal'> {
    /** A port to prefer: returned when it is free, else a free port from `fallbackRange`. */
    port?: number;
}
/** A process (or what can be known of one) holding a port. */
export interface PortHolder {
    protocol: Protocol;
    port: number;
    /** Local addresses its sockets are bound to. */
    addresses: string[];
    /** Socket state: `listen`, `bound` (UDP), `time-wait`, `established`, … */
    state: string;
    pid?: number;
    /** Short command name. */
    command?: string;
    /** Command line, shortened for display. */
    commandLine?: string;
    uid?: number;
    user?: string;
    /** The socket was seen but its process could not be (needs root). */
    hidden?: boolean;
    /** For `docker-proxy`: the container it forwards to. */
    container?: {
        ip?: string;
        port?: number;
        name?: string;
    };
}
/** A requested port found busy: the same schema as the action's `conflicts` output. */
export interface PortConflict {
    name: string;
    port: number;
    protocol: Protocol;
    /** `leased`: another port-guard user on this host holds a lease on it. */
    status: 'in-use' | 'denied' | 'unknown' | 'leased';
    /** The address whose probe showed it busy, and the error code there. */
    address: string | null;
    code: string | null;
    /** The first holder found, if any. */
    holder: {
        pid: number | null;
        command: string | null;
        user: string | number | null;
    } | null;
    holders: PortHolder[];
    /** One line of text: who holds it. */
    heldBy: string;
    /** Who holds the lease, for `status: 'leased'`. */
    lease?: Record<string, unknown>;
}
/** What became of one spec. */
export interface PortAssignment {
    name: string;
    requested: number | 'auto';
    /**
     * The port to use. For `conflict` and `unassigned` nothing was handed out: the requested port
     * (0 for `auto`); never use it.
     */
    port: number;
    protocol: SpecProtocol;
    /**
     * `free`: the requested port, checked free; `fallback`: its replacement; `auto`: handed out
     * as asked; `busy`: busy, kept anyway (`onConflict: 'warn'`); `conflict`: busy, not assigned;
     * `unassigned`: the run failed (`ok` is false), so this spec got no port either.
     */
    status: 'free' | 'fallback' | 'auto' | 'busy' | 'conflict' | 'unassigned';
}
/** The result of {@link guardPorts}. */
export interface GuardPortsResult {
    /** Every spec has a port to use. */
    ok: boolean;
    /** `{ name: port }` for every spec; empty when not `ok`. */
    ports: Record<string, number>;
    /** One entry per spec, in spec order. */
    assignments: PortAssignment[];
    /** Every requested port found busy, whatever `onConflict` did about it. */
    conflicts: PortConflict[];
    /** Why the call failed when it was not because of conflicts (nothing free in the range). */
    error?: string;
    /** Gives back the leases this call took (a no-op when it took none, or when not `ok`). */
    release(): Promise<void>;
}
/** The holders found for one port of {@link whoHolds}. */
export interface PortHolders {
    port: number;
    protocol: Protocol;
    holders: PortHolder[];
    /** One line of text, as port-guard's messages say it. */
    description: string;
}
/** A lease {@link releasePorts} gave back. */
export interface ReleasedPort {
    port: number;
    protocol: Protocol;
}
