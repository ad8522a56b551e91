import type { AllocationResult } from './allocate.js';
import { CancelledError, withSignalCancellation } from './cancellation.js';
import { guardPorts, type GuardOptions } from './guard.js';
import { findHoldersWhenNeeded } from './holder-lookup.js';
import { openLeaseRegistry } from './lease/lease-registry.js';
import type { Config, LeaseOwner } from './types.js';

export interface GuardRunOptions extends Omit<GuardOptions, 'leases' | 'signal'> {
  /** Whose leases these are; leases are taken only when the config asks and an owner is given. */
  owner?: LeaseOwner;
}

export interface GuardRun {
  result: AllocationResult;
  /** Lease files that were corrupt, foreign or links: worth a warning, never a failure. */
  problems: string[];
}

/**
 * One whole run as a front needs it: the lease registry opened (when leasing), the ports
 * guarded under SIGINT/SIGTERM cancellation, and every lease given back if a signal lands.
 */
export async function runGuard(config: Config, options: GuardRunOptions = {}): Promise<GuardRun> {
  const { owner, ...rest } = options;
  const leases =
    config.lease && owner
      ? await openLeaseRegistry({ dir: config.leaseDir, ttlSeconds: config.leaseTtlSeconds, owner })
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
