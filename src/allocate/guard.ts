/**
 * One whole check-and-allocate run for a validated config, as every front needs it: the OS's
 * own port ranges, the probe plan for this host, the lease registry (when leasing), allocation
 * under SIGINT/SIGTERM cancellation, and every lease given back if a signal lands.
 */
import { allocatePorts, type AllocationResult, type AllocatorDeps } from './allocate.js';
import { CancelledError, withSignalCancellation } from './cancellation.js';
import { readOsPortRanges, readWindowsExcludedRanges } from './os-port-ranges.js';
import type { Config } from '../spec/config.js';
import { protocolsOf, type Protocol } from '../spec/port-spec.js';
import { createProbePlan } from '../probe/probe-plan.js';
import { findHoldersWhenNeeded, type HolderFinder } from '../holders/lookup.js';
import type { LeaseOwner } from '../lease/lease-file.js';
import { openLeaseRegistry, type LeaseGate } from '../lease/lease-registry.js';

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
    createProbePlan(config.hosts, platform, protocols, sources),
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

export interface GuardRunOptions extends Omit<GuardOptions, 'leases' | 'signal'> {
  /** Whose leases these are; leases are taken only when the config asks and an owner is given. */
  owner?: LeaseOwner;
}

export interface GuardRun {
  result: AllocationResult;
  /** Lease files that were corrupt, foreign or links: worth a warning, never a failure. */
  problems: string[];
}

/** {@link guardPorts} with the lease registry and signal cancellation, for the fronts. */
export async function runGuard(config: Config, options: GuardRunOptions = {}): Promise<GuardRun> {
  const { owner, ...rest } = options;
  const leases =
    config.lease && owner
      ? await openLeaseRegistry({
          dir: config.leaseDir,
          ttlSeconds: config.leaseTtlSeconds,
          owner,
          // A port asked for by number and already leased to this owner is its own.
          reusable: config.specs.flatMap((s) =>
            s.port === 'auto'
              ? []
              : protocolsOf(s.protocol).map((protocol) => ({ port: s.port as number, protocol })),
          ),
        })
      : undefined;
  const result = await withSignalCancellation((signal) =>
    guardPorts(config, {
      findHolders: findHoldersWhenNeeded,
      ...rest,
      ...(leases ? { leases } : {}),
      signal,
    }),
  ).catch(async (err: unknown) => {
    // A signal just after a successful allocation: those ports will not be published.
    if (err instanceof CancelledError) await leases?.releaseAll();
    throw err;
  });
  return { result, problems: leases?.problems() ?? [] };
}
