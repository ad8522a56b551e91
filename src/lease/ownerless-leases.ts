/**
 * The leases `release` may give back when the caller has no owner either: leases that follow
 * no process and name no job. A lease of a job with an id (another CI job's, the action's in a
 * container) is never among them, so such a release cannot free another job's port.
 */
import path from 'node:path';
import type { Protocol } from '../spec/port-spec.js';
import { leaseDirNames } from './lease-dir.js';
import { leaseFileName, parseLeaseFileName, readLeaseEntry } from './lease-file.js';
import { NO_OWNER_PID } from './lease-owner.js';

type Target = { port: number; protocol: Protocol };

/** Those leases in `dir`, among `targets` (all ports when empty). */
export async function anonymousLeases(dir: string, targets: readonly Target[]): Promise<Target[]> {
  const abs = path.resolve(dir);
  const names = await leaseDirNames(abs);
  const wanted =
    targets.length > 0 ? new Set(targets.map((t) => leaseFileName(t.port, t.protocol))) : undefined;
  const found: Target[] = [];
  for (const name of names) {
    const parsed = parseLeaseFileName(name);
    if (!parsed || (wanted && !wanted.has(name))) continue;
    const entry = await readLeaseEntry(path.join(abs, name), parsed);
    if (entry.kind !== 'lease') continue;
    const { owner } = entry.record;
    if (owner.pid === NO_OWNER_PID && owner.id === undefined) found.push(parsed);
  }
  return found;
}
