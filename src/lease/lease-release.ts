/**
 * Releasing leases from outside the registry that took them: the action's post step, the
 * CLI's `release`, `exec` when its command ends, the library's `releasePorts`.
 */
import path from 'node:path';

import type { Protocol } from '../spec/port-spec.js';
import { checkLeaseDirPath, leaseDirNames } from './lease-dir.js';
import {
  parseLeaseFileName,
  readLeaseEntry,
  leaseFileName,
  type LeaseRecord,
} from './lease-file.js';
import { removeIfUnchanged } from './lease-removal.js';

/** Which leases {@link releaseLeases} drops: all given criteria must match. */
export interface ReleaseMatch {
  /** The owner's `id` token (the action's post step). */
  ownerId?: string;
  /** The owner's pid (the CLI: its parent shell). */
  pid?: number;
  /** Only these ports (either protocol); all ports when absent or empty. */
  ports?: number[];
  /** Only these (port, protocol) pairs; all when absent or empty. */
  targets?: Array<{ port: number; protocol: Protocol }>;
}

/**
 * Releases, from outside the registry that took them, the leases in `dir` whose owner matches
 * (at least one of `ownerId` or `pid` is required, so it never releases everyone's). Returns
 * the leases it released. A missing directory has nothing to release; an unsafe or relative one
 * is refused.
 */
export async function releaseLeases(dir: string, match: ReleaseMatch): Promise<LeaseRecord[]> {
  if (match.ownerId === undefined && match.pid === undefined) {
    throw new Error('releaseLeases needs an ownerId or a pid to match');
  }
  checkLeaseDirPath(dir);
  const abs = path.normalize(dir);
  const names = await leaseDirNames(abs);
  const ports = match.ports && match.ports.length > 0 ? new Set(match.ports) : undefined;
  const targets =
    match.targets && match.targets.length > 0
      ? new Set(match.targets.map((t) => leaseFileName(t.port, t.protocol)))
      : undefined;
  const released: LeaseRecord[] = [];
  for (const name of names) {
    const parsed = parseLeaseFileName(name);
    if (!parsed || (ports && !ports.has(parsed.port)) || (targets && !targets.has(name))) continue;
    const entry = await readLeaseEntry(path.join(abs, name), parsed);
    if (entry.kind !== 'lease') continue;
    const { owner } = entry.record;
    if (match.ownerId !== undefined && owner.id !== match.ownerId) continue;
    if (match.pid !== undefined && owner.pid !== match.pid) continue;
    if ((await removeIfUnchanged(abs, name, entry, parsed)) === 'removed')
      released.push(entry.record);
  }
  return released;
}
