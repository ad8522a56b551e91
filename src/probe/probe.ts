import { createSocket } from 'node:dgram';
import { createServer, isIP } from 'node:net';
import type { AddressFamily, ProbeAddress } from './probe-plan.js';
import type { Protocol } from '../spec/port-spec.js';
import type { PortRange } from '../spec/port-ranges.js';

/**
 * What one bind probe on one address said.
 * - `free`: bind (and listen, for TCP) succeeded.
 * - `in-use`: EADDRINUSE.
 * - `in-use`: EADDRINUSE; on Windows also EACCES outside the excluded port ranges (a holder
 *   that refuses to share the port).
 * - `denied`: EACCES — needs privilege (Linux/macOS, port below the unprivileged start) or
 *   reserved (Windows excluded port range); never "in use", never "free".
 * - `not-applicable`: the address or family does not exist here (EADDRNOTAVAIL, EAFNOSUPPORT, EINVAL).
 * - `unknown`: anything else, including running out of file descriptors; never "free".
 */
export type VerdictKind = 'free' | 'in-use' | 'denied' | 'not-applicable' | 'unknown';

/**
 * Why an EACCES verdict is what it is (docs/probing.md):
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

/** Codes that mean "out of resources": retried with less concurrency, never a verdict. */
export const EXHAUSTION_CODES: ReadonlySet<string> = new Set([
  'EMFILE',
  'ENFILE',
  'ENOBUFS',
  'ENOMEM',
]);

/**
 * How an error code from a bind reads on a platform (docs/probing.md, "What a bind error means").
 * EACCES is privilege on Linux (root or CAP_NET_BIND_SERVICE) and on macOS and the BSDs (root);
 * on Windows it is "reserved" only inside an excluded port range (`inExcludedRange`), and
 * otherwise a holder that refuses to share the port (SO_EXCLUSIVEADDRUSE, or SO_REUSEADDR on the
 * same address): in use, so its holder is looked up and `wait` may wait for it.
 */
export function classifyBindError(
  code: string | undefined,
  platform: NodeJS.Platform,
  inExcludedRange = false,
): Pick<AddressVerdict, 'verdict' | 'reason'> {
  switch (code) {
    case 'EADDRINUSE':
      return { verdict: 'in-use' };
    case 'EACCES':
      if (platform === 'win32')
        return inExcludedRange
          ? { verdict: 'denied', reason: 'reserved' }
          : { verdict: 'in-use', reason: 'exclusive' };
      return { verdict: 'denied', reason: platform === 'linux' ? 'privileged' : 'needs-root' };
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
    case 'EINVAL':
      return { verdict: 'not-applicable' };
    default:
      return { verdict: 'unknown' };
  }
}

const inRanges = (port: number, ranges: readonly PortRange[] | undefined): boolean =>
  ranges !== undefined && ranges.some((r) => port >= r.lo && port <= r.hi);

function verdictFor(
  port: number,
  target: ProbeAddress,
  err: NodeJS.ErrnoException | undefined,
  platform: NodeJS.Platform,
  excluded: readonly PortRange[] | undefined,
): AddressVerdict {
  // Plain literals: this runs once per probe, and spreads showed in the 1000-port profile.
  if (!err) return { address: target.address, family: target.family, verdict: 'free' };
  const base = { address: target.address, family: target.family };
  const code = err.code ?? 'UNKNOWN';
  const { verdict, reason } = classifyBindError(
    code,
    platform,
    code === 'EACCES' && inRanges(port, excluded),
  );
  // An address the user named must exist: "not applicable" would silently shrink the check.
  if (verdict === 'not-applicable' && target.explicit) return { ...base, verdict: 'unknown', code };
  return reason ? { ...base, verdict, code, reason } : { ...base, verdict, code };
}

/** Binds (and for TCP listens) exactly as a server would, then closes; resolves the bind error. */
function bindOnce(
  port: number,
  protocol: Protocol,
  target: ProbeAddress,
): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    // listen() would take anything else for a host name and look it up (ENOTFOUND at best).
    if (isIP(target.address) !== target.family) {
      resolve(
        Object.assign(new Error(`not a literal IP address: ${target.address}`), { code: 'ENOTIP' }),
      );
      return;
    }
    if (protocol === 'tcp') {
      const server = createServer();
      // A probe never keeps the process alive (a test runner's, a library user's).
      server.unref();
      server.once('error', (err: NodeJS.ErrnoException) => {
        server.close();
        resolve(err);
      });
      // exclusive: no handle sharing with cluster workers; never reusePort (docs/probing.md).
      server.listen(
        {
          host: target.address,
          port,
          exclusive: true,
          ipv6Only: target.family === 6 && target.dualStack === false,
        },
        () => {
          server.close(() => resolve(undefined));
        },
      );
      return;
    }
    // No reuseAddr: with it a held UDP port looks free (docs/probing.md).
    const socket = createSocket({
      type: target.family === 6 ? 'udp6' : 'udp4',
      ipv6Only: target.family === 6 && target.dualStack === false,
    });
    socket.unref();
    socket.once('error', (err: NodeJS.ErrnoException) => {
      try {
        socket.close();
      } catch {
        // A socket that never bound may refuse close; there is nothing to release then.
      }
      resolve(err);
    });
    socket.bind({ port, address: target.address, exclusive: true }, () => {
      socket.close(() => resolve(undefined));
    });
  });
}

/**
 * Probes one port on one address. `excluded`: the Windows excluded port ranges, which decide
 * what an EACCES there means.
 */
export async function probeAddress(
  port: number,
  protocol: Protocol,
  target: ProbeAddress,
  platform: NodeJS.Platform = process.platform,
  excluded?: readonly PortRange[],
): Promise<AddressVerdict> {
  return verdictFor(port, target, await bindOnce(port, protocol, target), platform, excluded);
}

const isWildcard = (a: { address: string }): boolean =>
  a.address === '::' || a.address === '0.0.0.0';

/**
 * macOS has no privileged wildcard ports (since Mojave), but a specific address below 1024
 * still needs root: when every wildcard of the plan was free and a specific address then said
 * EACCES, the port is free for a server on the wildcard, and only a server on that address
 * needs root. Nothing is known about holders on that address, so it is not "free".
 */
export function markWildcardOnly(addresses: AddressVerdict[], platform: NodeJS.Platform): void {
  if (platform !== 'darwin') return;
  const last = addresses[addresses.length - 1];
  if (!last || last.verdict !== 'denied' || last.reason !== 'needs-root' || isWildcard(last))
    return;
  const wildcards = addresses.filter(isWildcard);
  if (wildcards.length > 0 && wildcards.every((a) => a.verdict === 'free'))
    last.reason = 'wildcard-only';
}

/**
 * Combines per-address verdicts: free only when every applicable address was free and each
 * family that exists on the host had at least one applicable address.
 */
export function combineVerdicts(
  addresses: AddressVerdict[],
  plan: readonly ProbeAddress[],
  families: ReadonlySet<AddressFamily>,
): VerdictKind {
  const has = (kind: VerdictKind) => addresses.some((a) => a.verdict === kind);
  if (has('in-use')) return 'in-use';
  if (has('denied')) return 'denied';
  if (has('unknown')) return 'unknown';
  let v4 = false;
  let v6 = false;
  addresses.forEach((a, i) => {
    if (a.verdict !== 'free') return;
    for (const f of plan[i]?.covers ?? [a.family]) {
      if (f === 4) v4 = true;
      else v6 = true;
    }
  });
  for (const family of families) if (!(family === 4 ? v4 : v6)) return 'unknown';
  return v4 || v6 ? 'free' : 'unknown';
}

/**
 * Probes one port over a whole plan, one address after another: probes of the same port on
 * overlapping addresses collide with each other when run at the same time.
 */
export async function probePort(
  port: number,
  protocol: Protocol,
  plan: readonly ProbeAddress[],
  families: ReadonlySet<AddressFamily>,
  platform: NodeJS.Platform = process.platform,
  excluded?: readonly PortRange[],
): Promise<PortVerdict> {
  const addresses: AddressVerdict[] = [];
  for (const target of plan) {
    const result = await probeAddress(port, protocol, target, platform, excluded);
    addresses.push(result);
    // Out of resources says nothing about the port: stop so the caller can retry it.
    if (
      result.verdict === 'in-use' ||
      result.verdict === 'denied' ||
      EXHAUSTION_CODES.has(result.code ?? '')
    )
      break;
  }
  markWildcardOnly(addresses, platform);
  return { port, protocol, verdict: combineVerdicts(addresses, plan, families), addresses };
}

/** Whether a verdict failed only for lack of file descriptors or memory. */
export function isExhausted(verdict: PortVerdict): boolean {
  return verdict.addresses.some((a) => EXHAUSTION_CODES.has(a.code ?? ''));
}
