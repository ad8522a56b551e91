/**
 * The shared vocabulary of the engine. Nothing here knows about GitHub or the command line.
 */

/** A transport protocol; TCP and UDP are separate port spaces. */
export type Protocol = 'tcp' | 'udp';

/** What a spec may ask for: one protocol, or `both` (TCP and UDP must both be free). */
export type SpecProtocol = Protocol | 'both';

/** One parsed `[name=]port[/protocol]` spec. */
export interface PortSpec {
  /** Unique (case-insensitively) output name; `port-<port>` when the spec had none. */
  name: string;
  /** The requested port, or `auto` for "any free port from the fallback range". */
  port: number | 'auto';
  protocol: SpecProtocol;
  /** The token as the user wrote it, for messages. */
  token: string;
}

/** An inclusive range of ports. */
export interface PortRange {
  lo: number;
  hi: number;
}

export type OnConflict = 'fail' | 'fallback' | 'warn';
export type FallbackStrategy = 'random' | 'sequential';

/** Everything the engine needs, validated before any socket is opened. */
export interface Config {
  specs: PortSpec[];
  onConflict: OnConflict;
  fallbackRanges: PortRange[];
  fallbackStrategy: FallbackStrategy;
  exclude: PortRange[];
  /** `all` (the full probe plan) or literal IP addresses that exist on this host. */
  hosts: 'all' | string[];
  /** Seconds to wait for a busy requested port before `onConflict` applies. */
  waitSeconds: number;
  /** Makes the random candidate order deterministic; undefined for a fresh order. */
  seed: string | undefined;
  exportEnv: boolean;
  lease: boolean;
  leaseDir: string;
  leaseTtlSeconds: number;
  summary: boolean;
}

export type AddressFamily = 4 | 6;

/** One literal address a probe binds to. */
export interface ProbeAddress {
  /** Literal address; link-local IPv6 carries its `%<interface>` scope. */
  address: string;
  family: AddressFamily;
  /** Only for the `::` probe: whether it is bound dual-stack (covers IPv4 too on Linux). */
  dualStack?: boolean;
  /** The user named this address in `hosts`: it must exist, not be skipped. */
  explicit?: boolean;
  /**
   * Families a free verdict here vouches for; only a plan shortened by a measured rule (the
   * Linux dual-stack self-test) sets more than the address's own family.
   */
  covers?: AddressFamily[];
}

/**
 * What one bind probe on one address said.
 * - `free`: bind (and listen, for TCP) succeeded.
 * - `in-use`: EADDRINUSE.
 * - `denied`: EACCES — needs privilege (Linux/macOS, port below the unprivileged start) or
 *   reserved (Windows excluded port range); never "in use", never "free".
 * - `not-applicable`: the address or family does not exist here (EADDRNOTAVAIL, EAFNOSUPPORT, EINVAL).
 * - `unknown`: anything else, including running out of file descriptors; never "free".
 */
export type VerdictKind = 'free' | 'in-use' | 'denied' | 'not-applicable' | 'unknown';

/**
 * Why an EACCES verdict is what it is (PROBING.md):
 * - `privileged` (Linux): the port is below `ip_unprivileged_port_start`; needs root or
 *   CAP_NET_BIND_SERVICE.
 * - `needs-root` (macOS, the BSDs): needs root.
 * - `wildcard-only` (macOS): the wildcards were free; a server on this specific address (below
 *   1024) needs root.
 * - `reserved` (Windows): inside an excluded port range.
 * - `exclusive` (Windows, verdict `in-use`): outside every excluded range, so a holder refuses
 *   to share the port (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the same address).
 */
export type VerdictReason =
  'privileged' | 'needs-root' | 'wildcard-only' | 'reserved' | 'exclusive';

export interface AddressVerdict {
  address: string;
  family: AddressFamily;
  verdict: VerdictKind;
  /** The error code behind a verdict other than `free`. */
  code?: string;
  /** For an EACCES: why the OS refused, and what that means. */
  reason?: VerdictReason;
}

/** The verdict for one port on one protocol over a whole probe plan. */
export interface PortVerdict {
  port: number;
  protocol: Protocol;
  verdict: VerdictKind;
  /** Every address that was probed, in plan order (probing stops at the first `in-use`). */
  addresses: AddressVerdict[];
}

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
  container?: { ip?: string; port?: number; name?: string };
}

/** Who owns a lease, as written into its file. */
export interface LeaseOwner {
  /** A token naming one run of the action or CLI, so its post step can release exactly its leases. */
  id?: string;
  repository?: string;
  runId?: string;
  runAttempt?: string;
  job?: string;
  runner?: string;
  /** The process whose life the lease follows (the runner's worker, or the CLI's shell). */
  pid: number;
  /** That process's start time, so a reused pid does not keep a lease alive. */
  pidStart?: string;
}

/** A lease as read from the registry. */
export interface LeaseRecord {
  port: number;
  protocol: Protocol;
  owner: LeaseOwner;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
}

/** The outcome of trying to take a lease on one (port, protocol). */
export type LeaseAttempt =
  | { acquired: true }
  /** `heldBy` is absent when the lease file exists but cannot be read as ours or anyone's. */
  | { acquired: false; heldBy?: LeaseRecord };

/**
 * What the allocator needs of the lease registry: lease first, then probe; drop the lease
 * when the probe says busy.
 */
export interface LeaseGate {
  acquire(port: number, protocol: Protocol): Promise<LeaseAttempt>;
  release(port: number, protocol: Protocol): Promise<void>;
}

/** A port and protocol to look up holders for. */
export interface HolderQuery {
  port: number;
  protocol: Protocol;
}

/** Finds who holds busy ports; called only after a probe said "in use". */
export type HolderFinder = (queries: HolderQuery[]) => Promise<Holder[]>;
