import { allocatePorts, type AllocationResult, type AllocatorDeps } from './allocate.js';
import { protocolsOf } from './port-spec.js';
import { readOsPortRanges, readWindowsExcludedRanges } from './os-port-ranges.js';
import { createProbePlan } from './probe-plan.js';
import type { Config, HolderFinder, LeaseGate, Protocol } from './types.js';

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
