import { createHash } from 'node:crypto';
import { countPorts, intersectRanges, subtractRanges } from '../spec/port-ranges.js';
import type { FallbackStrategy } from '../spec/config.js';
import type { PortRange } from '../spec/port-ranges.js';

export interface CandidateOptions {
  ranges: readonly PortRange[];
  /** The user's `exclude` plus what the OS reserves. */
  exclude: readonly PortRange[];
  /** Tried last: ports the OS may hand to an outgoing connection at any moment. */
  ephemeral?: PortRange;
  strategy: FallbackStrategy;
  seed?: string;
}

/** The ports that may be handed out, produced one at a time in the order to try them. */
export interface CandidatePorts {
  /** How many ports there are in all. */
  readonly size: number;
  /** The next port to try, or undefined when every one was produced. */
  next(): number | undefined;
}

/**
 * A seed string as sfc32's 128 bits of state: the first 16 bytes of its SHA-256. node:crypto is
 * loaded on every run anyway (the lease registry's tokens), so nothing is gained by hashing here.
 */
function hashSeed(seed: string): [number, number, number, number] {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  return [0, 4, 8, 12].map((offset) => digest.readUInt32BE(offset)) as [
    number,
    number,
    number,
    number,
  ];
}

/** sfc32: small and fast; seeded, so a rerun with the same seed repeats its order. */
function sfc32([a, b, c, d]: [number, number, number, number]): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The port at `offset` counting through sorted, disjoint ranges. */
function portAt(ranges: readonly PortRange[], offset: number): number {
  for (const r of ranges) {
    const size = r.hi - r.lo + 1;
    if (offset < size) return r.lo + offset;
    offset -= size;
  }
  throw new RangeError(`offset ${offset} past the ranges`);
}

/**
 * Walks one part in a random order without listing it: offset k is (start + k·stride) mod n
 * with stride coprime to n, a permutation that costs nothing up front. A 16k-port list and a
 * shuffle cost about 5 MB of a short-lived process's peak memory (measured with `npm run bench`).
 */
function* walk(ranges: PortRange[], random: (() => number) | undefined): Generator<number> {
  const n = countPorts(ranges);
  if (n === 0) return;
  let start = 0;
  let stride = 1;
  if (random) {
    start = Math.floor(random() * n);
    if (n > 2) {
      do stride = 1 + Math.floor(random() * (n - 1));
      while (gcd(stride, n) !== 1);
    }
  }
  for (let k = 0; k < n; k++) yield portAt(ranges, (start + k * stride) % n);
}

/**
 * Every port that may be handed out, in the order to try them: outside the OS ephemeral range
 * first (where the configured range allows), then inside it; each part random (seeded or not)
 * or lowest first.
 */
export function candidatePorts(options: CandidateOptions): CandidatePorts {
  const allowed = subtractRanges(options.ranges, options.exclude);
  const inside = options.ephemeral ? intersectRanges(allowed, [options.ephemeral]) : [];
  const outside = options.ephemeral ? subtractRanges(allowed, [options.ephemeral]) : allowed;
  // Not a secret: an unseeded order only has to differ between concurrent jobs.
  const random =
    options.strategy === 'sequential'
      ? undefined
      : sfc32(
          options.seed === undefined
            ? ([0, 1, 2, 3].map(() => (Math.random() * 2 ** 32) >>> 0) as [
                number,
                number,
                number,
                number,
              ])
            : hashSeed(options.seed),
        );
  const parts = [walk(outside, random), walk(inside, random)];
  return {
    size: countPorts(allowed),
    next() {
      while (parts.length > 0) {
        const step = parts[0].next();
        if (!step.done) return step.value;
        parts.shift();
      }
      return undefined;
    },
  };
}

/** All candidates as a list, for tests and small ranges. */
export function listCandidatePorts(options: CandidateOptions): number[] {
  const source = candidatePorts(options);
  const out: number[] = [];
  for (let p = source.next(); p !== undefined; p = source.next()) out.push(p);
  return out;
}
