import { createHash, randomBytes } from 'node:crypto';
import { intersectRanges, subtractRanges } from './port-ranges.js';
import type { FallbackStrategy, PortRange } from './types.js';

export interface CandidateOptions {
  ranges: readonly PortRange[];
  /** The user's `exclude` plus what the OS reserves. */
  exclude: readonly PortRange[];
  /** Tried last: ports the OS may hand to an outgoing connection at any moment. */
  ephemeral?: PortRange;
  strategy: FallbackStrategy;
  seed?: string;
}

/** sfc32: small, fast, and good enough to spread ports; seeded so reruns repeat the order. */
function sfc32(seed: Buffer): () => number {
  let a = seed.readUInt32LE(0);
  let b = seed.readUInt32LE(4);
  let c = seed.readUInt32LE(8);
  let d = seed.readUInt32LE(12);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function expand(ranges: readonly PortRange[]): number[] {
  const out: number[] = [];
  for (const r of ranges) for (let p = r.lo; p <= r.hi; p++) out.push(p);
  return out;
}

function shuffle(ports: number[], random: () => number): number[] {
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ports[i], ports[j]] = [ports[j]!, ports[i]!];
  }
  return ports;
}

/**
 * Every port that may be handed out, in the order to try them: outside the OS ephemeral range
 * first (where the configured range allows), then inside it; each part random (seeded or not)
 * or lowest first.
 */
export function candidatePorts(options: CandidateOptions): number[] {
  const allowed = subtractRanges(options.ranges, options.exclude);
  const inside = options.ephemeral ? intersectRanges(allowed, [options.ephemeral]) : [];
  const outside = options.ephemeral ? subtractRanges(allowed, [options.ephemeral]) : allowed;
  if (options.strategy === 'sequential') return [...expand(outside), ...expand(inside)];
  const seed =
    options.seed === undefined
      ? randomBytes(16)
      : createHash('sha256').update(options.seed).digest();
  const random = sfc32(seed);
  return [...shuffle(expand(outside), random), ...shuffle(expand(inside), random)];
}
