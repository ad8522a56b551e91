/**
 * Handing out ports from the fallback range: lease a batch of candidates, probe them in
 * parallel, keep the first free ones, return the rest; then re-probe what was handed out right
 * before it is published, and replace any port taken in the meantime.
 */
import { DEFAULT_CONCURRENCY, type PortQuery } from '../probe/probe-pool.js';
import type { PortVerdict } from '../probe/probe.js';
import { protocolsOf, type PortSpec } from '../spec/port-spec.js';
import type { Assignment } from './assignment.js';
import type { CandidatePool } from './candidate-pool.js';
import type { LeaseBook } from './lease-book.js';

const REPROBE_ROUNDS = 3;

/**
 * A range used up only because other jobs' leases are on it is tried again for this long:
 * those leases are often candidates another run is probing, given back milliseconds later.
 */
export const CONTENTION_RETRY_MS = 5000;

/** How a run that found its range leased by others tries again. */
export interface ContentionRetry {
  /** A new pool over the whole range, without the ports this run already handed out. */
  freshPool: (handedOut: ReadonlySet<number>) => CandidatePool;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Why the candidates of the range were not handed out. */
interface PassCounts {
  /** Leased by other jobs (or an unreadable lease file). */
  leased: number;
  /** A probe said not free. */
  busy: number;
  /** Handed out to this run's other specs. */
  mine: number;
}

/** "no free port for c in …: of 2 candidate ports, 2 handed out to this run's other specs". */
function exhaustedMessage(
  group: PortSpec[],
  where: string,
  size: number,
  counts: PassCounts,
): string {
  const parts: string[] = [];
  if (counts.mine > 0) parts.push(`${counts.mine} handed out to this run's other specs`);
  if (counts.leased > 0) parts.push(`${counts.leased} leased by other jobs`);
  if (counts.busy > 0) parts.push(`${counts.busy} busy`);
  const rest = size - counts.mine - counts.leased - counts.busy;
  if (rest > 0) parts.push(`${rest} not tried (reserved by the OS or requested by this run)`);
  return `no free port for ${group.map((s) => s.name).join(', ')} in ${where}: of ${size} candidate ports, ${parts.join(', ') || 'none could be used'}`;
}

/**
 * Hands out a port to every spec in `needs`, recording it in `assignments`. Returns the
 * message when the range ran out (after {@link CONTENTION_RETRY_MS} of retries when other jobs'
 * leases used it up); the leases of ports handed out stay in `book` either way.
 */
export async function handOut(
  needs: PortSpec[],
  firstPool: CandidatePool,
  assignments: Map<string, Assignment>,
  book: LeaseBook,
  probe: (q: PortQuery[]) => Promise<PortVerdict[]>,
  /** The range, for messages. */
  where: string,
  retry?: ContentionRetry,
): Promise<string | undefined> {
  let pool = firstPool;
  let waiting = [...needs];
  let counts = { leased: 0, busy: 0 };
  const deadline = retry ? retry.now() + CONTENTION_RETRY_MS : 0;
  let pause = 50;
  for (let round = 0; waiting.length > 0; round++) {
    // What this round hands out; earlier rounds' ports were re-probed already.
    const thisRound = waiting;
    while (waiting.length > 0) {
      const spec = waiting[0];
      const protocols = protocolsOf(spec.protocol);
      // Same-protocol needs are served from one batch; a little slack absorbs busy candidates
      // (each extra candidate costs a lease: about 0.3 ms, `node bench/lease-bench.mjs`).
      const group = waiting.filter((s) => s.protocol === spec.protocol);
      const batch = pool.take(
        Math.min(DEFAULT_CONCURRENCY * 4, group.length + Math.max(2, group.length >> 4)),
      );
      if (batch.length === 0) {
        if (retry && counts.leased > 0 && retry.now() < deadline) {
          // Jittered, so runs that collided do not collide again in step.
          await retry.sleep(Math.min(pause + Math.random() * pause, deadline - retry.now()));
          pause = Math.min(pause * 2, 400);
          const handed = needs.filter((s) => !waiting.includes(s));
          pool = retry.freshPool(new Set(handed.map((s) => assignments.get(s.name)!.port)));
          counts = { leased: 0, busy: 0 };
          continue;
        }
        const mine = needs.filter((s) => !waiting.includes(s)).length;
        return exhaustedMessage(group, where, pool.size, { ...counts, mine });
      }
      const leased: number[] = [];
      for (const port of batch) {
        if ((await book.take(port, protocols)).ok) leased.push(port);
        else counts.leased++;
      }
      const queries = leased.flatMap((port) => protocols.map((protocol) => ({ port, protocol })));
      const verdicts = await probe(queries);
      const busy = new Set(verdicts.filter((v) => v.verdict !== 'free').map((v) => v.port));
      counts.busy += busy.size;
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
