import { abortableSleep } from './cancellation.js';
import { candidatePorts, type CandidatePorts } from './candidate-ports.js';
import { DEFAULT_CONCURRENCY, probePorts, type PortQuery } from '../probe/probe-pool.js';
import type { ProbePlan } from '../probe/probe-plan.js';
import { holdersPerQuery } from '../holders/lookup.js';
import { formatRanges } from '../spec/port-ranges.js';
import { protocolsOf } from '../spec/port-spec.js';
import type { AddressVerdict, PortVerdict, VerdictReason } from '../probe/probe.js';
import type { Config } from '../spec/config.js';
import type { Holder, HolderFinder } from '../holders/lookup.js';
import type { LeaseGate } from '../lease/lease-registry.js';
import type { LeaseRecord } from '../lease/lease-file.js';
import type { PortRange } from '../spec/port-ranges.js';
import type { PortSpec, Protocol, SpecProtocol } from '../spec/port-spec.js';

/** Why a requested port cannot be used as it is. */
export interface Conflict {
  name: string;
  port: number;
  protocol: Protocol;
  /** `leased`: another job on this host holds a port-guard lease on it. */
  verdict: 'in-use' | 'denied' | 'unknown' | 'leased';
  /** The address whose probe showed it, and the error code there. */
  address?: string;
  code?: string;
  reason?: VerdictReason;
  holders: Holder[];
  lease?: LeaseRecord;
}

/**
 * - `free`: the requested port, checked free.
 * - `fallback`: the requested port was busy; `port` is its replacement.
 * - `auto`: handed out from the fallback range as asked.
 * - `busy`: busy, kept anyway (`on-conflict: warn`).
 * - `conflict`: busy and not assigned (`on-conflict: fail`).
 */
export type AssignmentStatus = 'free' | 'fallback' | 'auto' | 'busy' | 'conflict';

export interface Assignment {
  name: string;
  requested: number | 'auto';
  port: number;
  protocol: SpecProtocol;
  status: AssignmentStatus;
  conflicts: Conflict[];
}

export interface AllocationResult {
  ok: boolean;
  assignments: Assignment[];
  /** Every requested port found busy, whatever the policy did about it. */
  conflicts: Conflict[];
  /** Set when `ok` is false for a reason other than conflicts (nothing free in the range). */
  error?: string;
}

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

const REPROBE_ROUNDS = 3;

const key = (port: number, protocol: Protocol): string => `${protocol}/${port}`;

/** Tracks the leases this run holds so that a failure can return every one of them. */
class LeaseBook {
  private readonly held = new Set<string>();
  constructor(private readonly gate: LeaseGate | undefined) {}

  /** Whether leases are taken at all (`lease: false` skips the bookkeeping). */
  get active(): boolean {
    return this.gate !== undefined;
  }

  /** Takes leases on every protocol of a port, or none of them. */
  async take(
    port: number,
    protocols: Protocol[],
  ): Promise<{ ok: true } | { ok: false; protocol: Protocol; lease?: LeaseRecord }> {
    if (!this.gate) return { ok: true };
    const taken: Protocol[] = [];
    for (const protocol of protocols) {
      const attempt = await this.gate.acquire(port, protocol);
      if (!attempt.acquired) {
        await this.drop(port, taken);
        return attempt.heldBy
          ? { ok: false, protocol, lease: attempt.heldBy }
          : { ok: false, protocol };
      }
      taken.push(protocol);
      this.held.add(key(port, protocol));
    }
    return { ok: true };
  }

  async drop(port: number, protocols: Protocol[]): Promise<void> {
    if (!this.gate) return;
    for (const protocol of protocols) {
      if (this.held.delete(key(port, protocol))) await this.gate.release(port, protocol);
    }
  }

  async dropAll(): Promise<void> {
    for (const k of [...this.held]) {
      const [protocol, port] = k.split('/') as [Protocol, string];
      await this.drop(Number(port), [protocol]);
    }
  }
}

function conflictFrom(name: string, verdict: PortVerdict): Conflict {
  const at: AddressVerdict | undefined =
    verdict.addresses.find((a) => a.verdict === verdict.verdict) ??
    verdict.addresses[verdict.addresses.length - 1];
  return {
    name,
    port: verdict.port,
    protocol: verdict.protocol,
    verdict:
      verdict.verdict === 'free' || verdict.verdict === 'not-applicable'
        ? 'unknown'
        : verdict.verdict,
    ...(at ? { address: at.address } : {}),
    ...(at?.code ? { code: at.code } : { code: 'ENOADDR' }),
    ...(at?.reason ? { reason: at.reason } : {}),
    holders: [],
  };
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
    const result = await allocate(config, deps, book);
    if (!result.ok) await book.dropAll();
    // Cancelled while finishing: the caller will not publish these ports, so return them.
    deps.signal?.throwIfAborted();
    return result;
  } catch (err) {
    await book.dropAll();
    throw err;
  }
}

async function allocate(
  config: Config,
  deps: AllocatorDeps,
  book: LeaseBook,
): Promise<AllocationResult> {
  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, deps.signal));
  const now = deps.now ?? Date.now;
  const probe = (queries: PortQuery[]) => {
    deps.signal?.throwIfAborted();
    return probePorts(queries, deps.plan, { concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY });
  };

  /** Leases then probes the requested ports of `specs`; returns the conflicts per spec name. */
  const checkRequested = async (specs: PortSpec[]): Promise<Map<string, Conflict[]>> => {
    const conflicts = new Map<string, Conflict[]>();
    const add = (c: Conflict) => conflicts.set(c.name, [...(conflicts.get(c.name) ?? []), c]);
    const toProbe: Array<PortQuery & { name: string }> = [];
    for (const spec of specs) {
      const port = spec.port as number;
      for (const protocol of protocolsOf(spec.protocol)) {
        if (!book.active) {
          toProbe.push({ name: spec.name, port, protocol });
          continue;
        }
        const lease = await book.take(port, [protocol]);
        if (!lease.ok)
          add({
            name: spec.name,
            port,
            protocol,
            verdict: 'leased',
            holders: [],
            ...(lease.lease ? { lease: lease.lease } : {}),
          });
        else toProbe.push({ name: spec.name, port, protocol });
      }
    }
    const verdicts = await probe(toProbe);
    for (const [i, verdict] of verdicts.entries()) {
      if (verdict.verdict === 'free') continue;
      const { name, port, protocol } = toProbe[i]!;
      await book.drop(port, [protocol]);
      add(conflictFrom(name, verdict));
    }
    for (const name of conflicts.keys()) {
      const spec = specs.find((s) => s.name === name)!;
      // A spec is used whole: if one protocol of `both` is busy, the other's lease goes too.
      await book.drop(spec.port as number, protocolsOf(spec.protocol));
    }
    return conflicts;
  };

  const requested = config.specs.filter((s) => s.port !== 'auto');
  let conflicts = await checkRequested(requested);

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
      conflicts = await checkRequested(requested.filter((s) => conflicts.has(s.name)));
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
    const candidates = candidatePorts({
      ranges: config.fallbackRanges,
      exclude: [...config.exclude, ...(deps.osReserved ?? [])],
      strategy: config.fallbackStrategy,
      ...(deps.ephemeral ? { ephemeral: deps.ephemeral } : {}),
      ...(config.seed !== undefined ? { seed: config.seed } : {}),
    });
    // Never hand out a port this run also asks for by number, busy or not.
    const avoid = new Set<number>(requested.map((s) => s.port as number));
    const pool = new CandidatePool(candidates, avoid);
    const where = `fallback-range ${formatRanges(config.fallbackRanges)}${config.exclude.length ? ` (exclude: ${formatRanges(config.exclude)})` : ''}`;
    const error = await handOut(needs, pool, assignments, book, probe, where);
    if (error) {
      return { ok: false, assignments: ordered(), conflicts: allConflicts, error };
    }
  }
  return { ok: true, assignments: ordered(), conflicts: allConflicts };
}

/** Candidate ports not yet tried, in order, without the ones this run must not hand out. */
class CandidatePool {
  constructor(
    private readonly source: CandidatePorts,
    private readonly avoid: ReadonlySet<number>,
  ) {}
  take(n: number): number[] {
    const out: number[] = [];
    while (out.length < n) {
      const port = this.source.next();
      if (port === undefined) break;
      if (!this.avoid.has(port)) out.push(port);
    }
    return out;
  }
  get size(): number {
    return this.source.size;
  }
}

/**
 * Hands out a port to every spec in `needs`: lease a batch of candidates, probe them in
 * parallel, keep the first free ones, return the rest. Then re-probe what was handed out right
 * before it is published, and replace any port taken in the meantime.
 */
async function handOut(
  needs: PortSpec[],
  pool: CandidatePool,
  assignments: Map<string, Assignment>,
  book: LeaseBook,
  probe: (q: PortQuery[]) => Promise<PortVerdict[]>,
  /** The range, for messages. */
  where: string,
): Promise<string | undefined> {
  let waiting = [...needs];
  for (let round = 0; waiting.length > 0; round++) {
    // What this round hands out; earlier rounds' ports were re-probed already.
    const thisRound = waiting;
    while (waiting.length > 0) {
      const spec = waiting[0]!;
      const protocols = protocolsOf(spec.protocol);
      // Same-protocol needs are served from one batch; a little slack absorbs busy candidates
      // (each extra candidate costs a lease: about 0.3 ms, `node bench/lease-bench.mjs`).
      const group = waiting.filter((s) => s.protocol === spec.protocol);
      const batch = pool.take(
        Math.min(DEFAULT_CONCURRENCY * 4, group.length + Math.max(2, group.length >> 4)),
      );
      if (batch.length === 0) {
        return `no free port for ${group.map((s) => s.name).join(', ')} in ${where}: all ${pool.size} candidate ports were busy, leased or reserved`;
      }
      const leased: number[] = [];
      for (const port of batch) if ((await book.take(port, protocols)).ok) leased.push(port);
      const queries = leased.flatMap((port) => protocols.map((protocol) => ({ port, protocol })));
      const verdicts = await probe(queries);
      const busy = new Set(verdicts.filter((v) => v.verdict !== 'free').map((v) => v.port));
      const free = leased.filter((port) => !busy.has(port));
      for (const port of busy) await book.drop(port, protocols);
      for (const port of free) {
        const next = group.shift();
        if (!next) {
          await book.drop(port, protocols);
          continue;
        }
        waiting = waiting.filter((s) => s !== next);
        const before = assignments.get(next.name);
        assignments.set(next.name, {
          name: next.name,
          requested: next.port,
          port,
          protocol: next.protocol,
          status: next.port === 'auto' ? 'auto' : 'fallback',
          conflicts: before?.conflicts ?? [],
        });
      }
    }
    // After the last re-probe round the ports just handed out stand on their own probe.
    if (round >= REPROBE_ROUNDS) break;
    // Time passed since each port was probed (other batches, holder lookups): check again.
    const handed = thisRound.map((s) => assignments.get(s.name)!);
    const queries = handed.flatMap((a) =>
      protocolsOf(a.protocol).map((protocol) => ({ port: a.port, protocol })),
    );
    const verdicts = await probe(queries);
    const lost = handed.filter((a) =>
      verdicts.some((v) => v.port === a.port && v.verdict !== 'free'),
    );
    for (const a of lost) await book.drop(a.port, protocolsOf(a.protocol));
    waiting = thisRound.filter((s) => lost.some((a) => a.name === s.name));
  }
  return undefined;
}

async function attachHolders(
  conflicts: Conflict[],
  findHolders: HolderFinder | undefined,
): Promise<void> {
  const busy = conflicts.filter((c) => c.verdict === 'in-use');
  if (!findHolders || busy.length === 0) return;
  let perConflict: Holder[][];
  try {
    perConflict = await holdersPerQuery(findHolders, busy);
  } catch {
    // Who holds a port is a courtesy; failing to find out must not change the verdict.
    return;
  }
  busy.forEach((c, i) => (c.holders = perConflict[i]!));
}
