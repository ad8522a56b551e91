import { allocatePorts, type AllocationResult, type AllocatorDeps } from './allocate.js';
import { protocolsOf } from './port-spec.js';
import { readOsPortRanges } from './os-port-ranges.js';
import { createProbePlan } from './probe-plan.js';
import type { Config, HolderFinder, LeaseGate, Protocol } from './types.js';

export interface GuardOptions {
  leases?: LeaseGate;
  findHolders?: HolderFinder;
  platform?: NodeJS.Platform;
  /** Cancels the run (leases returned first); see withSignalCancellation. */
  signal?: AbortSignal;
  onWait?: AllocatorDeps['onWait'];
}

/**
 * The whole check-and-allocate run for a validated config: the OS's own port ranges, the probe
 * plan for this host, then allocation. Both fronts call this and only translate its result.
 */
export async function guardPorts(
  config: Config,
  options: GuardOptions = {},
): Promise<AllocationResult> {
  const platform = options.platform ?? process.platform;
  const handsOut = config.onConflict === 'fallback' || config.specs.some((s) => s.port === 'auto');
  const protocols = [
    ...new Set(config.specs.flatMap((s) => protocolsOf(s.protocol))),
  ] as Protocol[];
  // Reading the OS ranges costs a subprocess on Windows: only when a port may be handed out.
  const [os, plan] = await Promise.all([
    handsOut ? readOsPortRanges(protocols, platform) : Promise.resolve(undefined),
    createProbePlan(config.hosts, platform, protocols),
  ]);
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
