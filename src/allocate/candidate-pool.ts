/**
 * The fallback candidates one run has not tried yet, in the strategy's order, without the
 * ports this run must never hand out (the ones it also asks for by number, busy or not).
 */
import type { CandidatePorts } from './candidate-ports.js';

export class CandidatePool {
  constructor(
    private readonly source: CandidatePorts,
    private readonly avoid: ReadonlySet<number>,
  ) {}

  /** Up to `n` untried candidates; fewer (or none) once the range is used up. */
  take(n: number): number[] {
    const out: number[] = [];
    while (out.length < n) {
      const port = this.source.next();
      if (port === undefined) break;
      if (!this.avoid.has(port)) out.push(port);
    }
    return out;
  }

  /** How many candidates the range has in all. */
  get size(): number {
    return this.source.size;
  }
}
