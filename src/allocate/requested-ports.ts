/**
 * Checking the ports a run asks for by number: lease each, probe the leased ones, drop the
 * lease of any that is busy; and, for the conflicts found, who holds the port.
 */
import { holdersPerQuery, type Holder, type HolderFinder } from '../holders/lookup.js';
import type { PortQuery } from '../probe/probe-pool.js';
import type { AddressVerdict, PortVerdict } from '../probe/probe.js';
import { protocolsOf, type PortSpec } from '../spec/port-spec.js';
import type { Conflict } from './assignment.js';
import type { LeaseBook } from './lease-book.js';

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
 * Leases then probes the requested ports of `specs`; returns the conflicts per spec name. A
 * spec is used whole: the leases of a spec with any conflict are all dropped.
 */
export async function checkRequested(
  specs: PortSpec[],
  book: LeaseBook,
  probe: (q: PortQuery[]) => Promise<PortVerdict[]>,
): Promise<Map<string, Conflict[]>> {
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
    const { name, port, protocol } = toProbe[i];
    await book.drop(port, [protocol]);
    add(conflictFrom(name, verdict));
  }
  for (const name of conflicts.keys()) {
    const spec = specs.find((s) => s.name === name)!;
    // If one protocol of `both` is busy, the other's lease goes too.
    await book.drop(spec.port as number, protocolsOf(spec.protocol));
  }
  return conflicts;
}

/** Fills in who holds each in-use conflict's port; a failed look-up leaves them empty. */
export async function attachHolders(
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
