import { isExhausted, probePort } from './probe.js';
import type { ProbePlan } from './probe-plan.js';
import type { PortVerdict } from './probe.js';
import type { Protocol } from '../spec/port-spec.js';

export interface PortQuery {
  port: number;
  protocol: Protocol;
}

export interface ProbePoolOptions {
  /** Most ports probed at once; docs/probing.md measured 32–64 as the useful cap. */
  concurrency?: number;
  platform?: NodeJS.Platform;
}

export const DEFAULT_CONCURRENCY = 48;
const MAX_EXHAUSTED_ROUNDS = 6;

/**
 * Probes many ports in parallel (each port's addresses one after another), in query order.
 * Ports that ran out of descriptors are retried at half the concurrency; still out after that,
 * they stay `unknown`, never `free`.
 */
export async function probePorts(
  queries: readonly PortQuery[],
  plan: ProbePlan,
  options: ProbePoolOptions = {},
): Promise<PortVerdict[]> {
  const platform = options.platform ?? plan.platform ?? process.platform;
  const results: PortVerdict[] = new Array(queries.length);
  let pending = queries.map((_, i) => i);
  let concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  for (let round = 0; pending.length > 0; round++) {
    const retry: number[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pending.length) {
        const index = pending[next++];
        const { port, protocol } = queries[index];
        const verdict = await probePort(
          port,
          protocol,
          plan.addressesFor(protocol),
          plan.families,
          platform,
          plan.excluded,
        );
        results[index] = verdict;
        if (isExhausted(verdict) && round < MAX_EXHAUSTED_ROUNDS) retry.push(index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    pending = retry.sort((a, b) => a - b);
    concurrency = Math.max(1, Math.floor(concurrency / 2));
  }
  return results;
}
