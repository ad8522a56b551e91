import { abortableSleep, checkpoint } from './cancellation.js';
import { candidatePorts } from './candidate-ports.js';
import { CandidatePool } from './candidate-pool.js';
import { handOut, type ContentionRetry } from './hand-out.js';
import { LeaseBook } from './lease-book.js';
import { attachHolders, checkRequested } from './requested-ports.js';
import { DEFAULT_CONCURRENCY, probePorts, type PortQuery } from '../probe/probe-pool.js';
import type { ProbePlan } from '../probe/probe-plan.js';
import { EXHAUSTION_CODES, isExhausted, type PortVerdict } from '../probe/probe.js';
import { systemError, type SystemError } from '../system/system-error.js';
import { formatRanges } from '../spec/port-ranges.js';
import type { Config } from '../spec/config.js';
import type { HolderFinder } from '../holders/lookup.js';
import type { LeaseGate } from '../lease/lease-registry.js';
import type { PortRange } from '../spec/port-ranges.js';
import type { AllocationResult, Assignment, AssignmentStatus, Conflict } from './assignment.js';

export {
  isAssigned,
  type AllocationResult,
  type Assignment,
  type AssignmentStatus,
  type Conflict,
} from './assignment.js';

export interface AllocatorDeps {
  plan: ProbePlan;
  leases?: LeaseGate;
  findHolders?: HolderFinder;
  /** Ports the OS reserves (never handed out) and its ephemeral range (avoided where possible). */
  osReserved?: PortRange[];
  ephemeral?: PortRange;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  concurrency?: number;
  /** Aborting it ends the run with its reason, after every lease taken is returned. */
  signal?: AbortSignal;
  /** Told once when busy requested ports are about to be waited for. */
  onWait?: (wait: { conflicts: Conflict[]; seconds: number }) => void;
}

/**
 * Checks every requested port and hands out the rest: lease first, then probe; a busy port's
 * lease is dropped at once. On failure no lease of this run is left behind.
 */
export async function allocatePorts(
  config: Config,
  deps: AllocatorDeps,
): Promise<AllocationResult> {
  const book = new LeaseBook(deps.leases);
  try {
    let result = await allocate(config, deps, book);
    if (!result.ok) {
      await book.dropAll();
      result = unassignedResult(config, result);
    }
    // Cancelled while finishing: the caller will not publish these ports, so return them.
    await checkpoint(deps.signal);
    return result;
  } catch (err) {
    await book.dropAll();
    throw err;
  }
}

/**
 * A failed run as it must be reported: every spec, none assigned (their leases were just given
 * back). A spec keeps its conflicts; one without any is `unassigned`.
 */
function unassignedResult(config: Config, result: AllocationResult): AllocationResult {
  const found = new Map(result.assignments.map((a) => [a.name, a]));
  const assignments = config.specs.map((spec): Assignment => {
    const conflicts = found.get(spec.name)?.conflicts ?? [];
    return {
      name: spec.name,
      requested: spec.port,
      port: spec.port === 'auto' ? 0 : spec.port,
      protocol: spec.protocol,
      status: conflicts.length > 0 ? 'conflict' : 'unassigned',
      conflicts,
    };
  });
  return { ...result, assignments };
}

/** The SystemError for a probe that kept running out of descriptors (or memory). */
function exhaustedProbe(verdict: PortVerdict): SystemError {
  const code = verdict.addresses.find((a) => a.code && EXHAUSTION_CODES.has(a.code))?.code;
  const error = Object.assign(new Error(code ?? 'EMFILE'), { code: code ?? 'EMFILE' });
  return systemError(error, `probing ${verdict.protocol} port ${verdict.port}`);
}

async function allocate(
  config: Config,
  deps: AllocatorDeps,
  book: LeaseBook,
): Promise<AllocationResult> {
  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, deps.signal));
  const now = deps.now ?? Date.now;
  const probe = async (queries: PortQuery[]) => {
    await checkpoint(deps.signal);
    const verdicts = await probePorts(queries, deps.plan, {
      concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
    });
    await checkpoint(deps.signal);
    // Still out of descriptors after the pool's retries: the host, not the port, is the problem.
    const starved = verdicts.find(isExhausted);
    if (starved) throw exhaustedProbe(starved);
    return verdicts;
  };

  const requested = config.specs.filter((s) => s.port !== 'auto');
  let conflicts = await checkRequested(requested, book, probe);

  if (conflicts.size > 0 && config.waitSeconds > 0) {
    deps.onWait?.({ conflicts: [...conflicts.values()].flat(), seconds: config.waitSeconds });
    const deadline = now() + config.waitSeconds * 1000;
    let delay = 250;
    // Only a holder or a lease can go away; an address that is gone or a port that needs
    // privilege stays as it is, and waiting for it would only stall the job until the deadline.
    const waitable = () =>
      [...conflicts.values()].flat().some((c) => c.verdict === 'in-use' || c.verdict === 'leased');
    while (conflicts.size > 0 && waitable() && now() < deadline) {
      await sleep(Math.min(delay, Math.max(0, deadline - now())));
      deps.signal?.throwIfAborted();
      delay = Math.min(delay * 2, 2000);
      conflicts = await checkRequested(
        requested.filter((s) => conflicts.has(s.name)),
        book,
        probe,
      );
    }
  }

  const allConflicts = config.specs.flatMap((s) => conflicts.get(s.name) ?? []);
  await attachHolders(allConflicts, deps.findHolders);

  const assignments = new Map<string, Assignment>();
  for (const spec of requested) {
    const mine = conflicts.get(spec.name) ?? [];
    const status: AssignmentStatus =
      mine.length === 0 ? 'free' : config.onConflict === 'warn' ? 'busy' : 'conflict';
    assignments.set(spec.name, {
      name: spec.name,
      requested: spec.port,
      port: spec.port as number,
      protocol: spec.protocol,
      status,
      conflicts: mine,
    });
  }
  const ordered = () =>
    config.specs
      .map((s) => assignments.get(s.name))
      .filter((a): a is Assignment => a !== undefined);

  if (allConflicts.length > 0 && config.onConflict === 'fail') {
    return { ok: false, assignments: ordered(), conflicts: allConflicts };
  }

  const needs = config.specs.filter(
    (s) => s.port === 'auto' || (config.onConflict === 'fallback' && conflicts.has(s.name)),
  );
  if (needs.length > 0) {
    const candidates = () =>
      candidatePorts({
        ranges: config.fallbackRanges,
        exclude: [...config.exclude, ...(deps.osReserved ?? [])],
        strategy: config.fallbackStrategy,
        ...(deps.ephemeral ? { ephemeral: deps.ephemeral } : {}),
        ...(config.seed !== undefined ? { seed: config.seed } : {}),
      });
    // Never hand out a port this run also asks for by number, busy or not.
    const avoid = new Set<number>(requested.map((s) => s.port as number));
    const pool = new CandidatePool(candidates(), avoid);
    const where = `fallback-range ${formatRanges(config.fallbackRanges)}${config.exclude.length ? ` (exclude: ${formatRanges(config.exclude)})` : ''}`;
    const retry: ContentionRetry = {
      freshPool: (handed) => new CandidatePool(candidates(), new Set([...avoid, ...handed])),
      sleep,
      now,
    };
    const error = await handOut(needs, pool, assignments, book, probe, where, retry);
    if (error) {
      return { ok: false, assignments: ordered(), conflicts: allConflicts, error };
    }
  }
  return { ok: true, assignments: ordered(), conflicts: allConflicts };
}
