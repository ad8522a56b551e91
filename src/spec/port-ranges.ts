import { InputError } from './input-error.js';
import { parsePortNumber, splitList } from './port-spec.js';

/** An inclusive range of ports. */
export interface PortRange {
  lo: number;
  hi: number;
}

/**
 * Parses `LO-HI` ranges (and, where `singles` is allowed, lone ports) separated by commas,
 * whitespace or newlines. Every bad token is reported.
 */
export function parsePortRanges(text: string, input: string, singles: boolean): PortRange[] {
  const ranges: PortRange[] = [];
  const problems: string[] = [];
  const expected = singles
    ? 'a port or a range LO-HI, e.g. "5432" or "8000-8100"'
    : 'a range LO-HI, e.g. "49152-65535"';
  const tokens: string[] = [];
  // Overlapping entries are almost always a typo in one of them: say so rather than merge.
  const add = (range: PortRange, token: string): void => {
    const i = ranges.findIndex((r) => range.lo <= r.hi && range.hi >= r.lo);
    if (i < 0) {
      ranges.push(range);
      tokens.push(token);
      return;
    }
    const other = ranges[i];
    const lo = Math.min(other.lo, range.lo);
    const hi = Math.max(other.hi, range.hi);
    problems.push(
      `${input}: "${token}" overlaps "${tokens[i]}"; list each port once, e.g. "${lo === hi ? lo : `${lo}-${hi}`}"`,
    );
  };
  for (const token of splitList(text)) {
    const dash = token.indexOf('-', 1);
    if (dash < 0) {
      const port = parsePortNumber(token);
      if (port !== undefined && singles) add({ lo: port, hi: port }, token);
      else problems.push(`${input}: "${token}" is not ${expected} (ports are 1-65535)`);
      continue;
    }
    const lo = parsePortNumber(token.slice(0, dash));
    const hi = parsePortNumber(token.slice(dash + 1));
    if (lo === undefined || hi === undefined) {
      problems.push(`${input}: "${token}" is not ${expected} (ports are 1-65535)`);
    } else if (lo > hi) {
      problems.push(
        `${input}: "${token}" is reversed: the low end comes first, e.g. "${hi}-${lo}"`,
      );
    } else {
      add({ lo, hi }, token);
    }
  }
  if (problems.length > 0) throw new InputError(input, problems);
  return ranges;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

/** The ports of `ranges` that are not in `minus`. */
export function subtractRanges(
  ranges: readonly PortRange[],
  minus: readonly PortRange[],
): PortRange[] {
  let out = normalizeRanges(ranges);
  for (const m of normalizeRanges(minus)) {
    const next: PortRange[] = [];
    for (const r of out) {
      if (m.hi < r.lo || m.lo > r.hi) {
        next.push(r);
        continue;
      }
      if (r.lo < m.lo) next.push({ lo: r.lo, hi: m.lo - 1 });
      if (r.hi > m.hi) next.push({ lo: m.hi + 1, hi: r.hi });
    }
    out = next;
  }
  return out;
}

/** The ports in both. */
export function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const x of normalizeRanges(a)) {
    for (const y of normalizeRanges(b)) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      if (lo <= hi) out.push({ lo, hi });
    }
  }
  return normalizeRanges(out);
}

export function countPorts(ranges: readonly PortRange[]): number {
  return normalizeRanges(ranges).reduce((n, r) => n + r.hi - r.lo + 1, 0);
}

export function inRanges(port: number, ranges: readonly PortRange[]): boolean {
  return ranges.some((r) => port >= r.lo && port <= r.hi);
}

export function formatRanges(ranges: readonly PortRange[]): string {
  return normalizeRanges(ranges)
    .map((r) => (r.lo === r.hi ? `${r.lo}` : `${r.lo}-${r.hi}`))
    .join(', ');
}
