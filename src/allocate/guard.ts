/**
 * One whole check-and-allocate run for a validated config, as every front needs it: the OS's
 * own port ranges, the probe plan for this host, the lease registry (when leasing), allocation
 * under SIGINT/SIGTERM/SIGHUP cancellation, and every lease given back if a signal lands.
 */
import { allocatePorts, type AllocationResult, type AllocatorDeps } from './allocate.js';
import { checkpoint, withSignalCancellation } from './cancellation.js';
import { readOsPortRanges, readWindowsExcludedRanges } from './os-port-ranges.js';
import type { Config } from '../spec/config.js';
import { protocolsOf, type Protocol } from '../spec/port-spec.js';
import { createProbePlan } from '../probe/probe-plan.js';
import { asSystemError } from '../system/system-error.js';
import { findHoldersWhenNeeded, type HolderFinder } from '../holders/lookup.js';
import type { LeaseOwner } from '../lease/lease-file.js';
import { openLeaseRegistry, type LeaseGate, type LeaseRegistry } from '../lease/lease-registry.js';

export interface GuardOptions {
  leases?: LeaseGate;
  findHolders?: HolderFinder;
  platform?: NodeJS.Platform;
  /** Cancels the run (leases returned first); see withSignalCancellation. */
  signal?: AbortSignal;
  onWait?: AllocatorDeps['onWait'];
  /** Told the probe plan and the OS ranges, one line each, for the verbose log. */
  debug?: (line: string) => void;
}

/** The OS's ranges and the probe plan, then allocation; no registry, no signal handling. */
export async function guardPorts(
  config: Config,
  options: GuardOptions = {},
): Promise<AllocationResult> {
  const platform = options.platform ?? process.platform;
  const handsOut = config.onConflict === 'fallback' || config.specs.some((s) => s.port === 'auto');
  const protocols = [
    ...new Set(config.specs.flatMap((s) => protocolsOf(s.protocol))),
  ] as Protocol[];
  // Windows: an EACCES is "reserved" only inside the excluded port ranges, so every probe there
  // needs them; read once, for the plan and the OS ranges alike.
  const excluded = platform === 'win32' ? await readWindowsExcludedRanges(protocols) : undefined;
  const sources = excluded ? { excluded } : {};
  // Reading the OS ranges costs a subprocess off Linux: only when a port may be handed out.
  const [os, plan] = await Promise.all([
    handsOut ? readOsPortRanges(protocols, platform, sources) : Promise.resolve(undefined),
    // Out of descriptors, os.networkInterfaces() throws at once: a SystemError, not a bug.
    (async () => createProbePlan(config.hosts, platform, protocols, sources))().catch(
      (error: unknown) => {
        throw asSystemError(error, 'reading the network interfaces');
      },
    ),
  ]);
  options.debug?.(`probe plan (${platform}): ${plan.description}`);
  for (const note of os?.notes ?? []) options.debug?.(`OS port ranges: ${note}`);
  return allocatePorts(config, {
    plan,
    ...(options.leases ? { leases: options.leases } : {}),
    ...(options.findHolders ? { findHolders: options.findHolders } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(os?.ephemeral ? { ephemeral: os.ephemeral } : {}),
    osReserved: os?.reserved ?? [],
  });
}

/**
 * The ports a config asks for by number: a lease the same owner already holds on one of them
 * is the caller's own (DESIGN "Leases"), re-probed and kept, never a conflict with itself.
 */
export function requestedPorts(config: Config): Array<{ port: number; protocol: Protocol }> {
  return config.specs.flatMap((s) =>
    s.port === 'auto'
      ? []
      : protocolsOf(s.protocol).map((protocol) => ({ port: s.port as number, protocol })),
  );
}

export interface GuardRunOptions extends Omit<GuardOptions, 'leases' | 'signal'> {
  /** Whose leases these are; leases are taken only when the config asks and an owner is given. */
  owner?: LeaseOwner;
  /**
   * Publishes the run (prints, writes outputs); synchronous, and called only once no signal has
   * come, so a signal never lets a port out whose lease it gives back.
   */
  publish?: (run: GuardRun) => void;
}

export interface GuardRun {
  result: AllocationResult;
  /** Lease files that were corrupt, foreign or links: worth a warning, never a failure. */
  problems: string[];
}

/**
 * {@link guardPorts} with the lease registry and signal cancellation, for the fronts. A signal
 * up to the moment `publish` is called ends the run with a CancelledError, every lease given
 * back and nothing published.
 */
export async function runGuard(config: Config, options: GuardRunOptions = {}): Promise<GuardRun> {
  const { owner, publish, ...rest } = options;
  let leases: LeaseRegistry | undefined;
  return withSignalCancellation(async (signal) => {
    leases =
      config.lease && owner
        ? await openLeaseRegistry({
            dir: config.leaseDir,
            ttlSeconds: config.leaseTtlSeconds,
            owner,
            reusable: requestedPorts(config),
          })
        : undefined;
    if (leases) rest.debug?.(`lease dir: ${leases.dir}`);
    const result = await guardPorts(config, {
      findHolders: findHoldersWhenNeeded,
      ...rest,
      ...(leases ? { leases } : {}),
      signal,
    });
    const run = { result, problems: leases?.problems() ?? [] };
    // The last moment a signal can cancel: from here on, nothing awaits until it is published.
    await checkpoint(signal);
    publish?.(run);
    return run;
  }).catch(async (err: unknown) => {
    // A signal just after a successful allocation, or a publish that failed: those ports are
    // not (all) out, so none of them stays leased.
    await leases?.releaseAll();
    throw err;
  });
}
