/**
 * Deleting a lease file safely: only the very file that was judged (stale, or our own) is
 * unlinked, under the port's deletion lock (see lease-lock.ts for why a lock is needed).
 */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { errorCode } from '../system/error-code.js';
import type { Protocol } from '../spec/port-spec.js';
import { readLeaseEntry, type LeaseEntry } from './lease-file.js';
import { LOCK_BUSY, withLeaseLock } from './lease-lock.js';
import { processIdentity, type ProcessIdentity } from './process-identity.js';

function sameEntry(a: LeaseEntry, b: LeaseEntry): boolean {
  if (a.kind === 'lease' && b.kind === 'lease') return a.token === b.token;
  if (a.kind === 'unreadable' && b.kind === 'unreadable') return a.identity === b.identity;
  return false;
}

let selfIdentity: Promise<ProcessIdentity> | undefined;

/** This process, as named in the deletion locks it takes. */
function self(): Promise<ProcessIdentity> {
  selfIdentity ??= processIdentity(process.pid).then((id) => id ?? { pid: process.pid });
  return selfIdentity;
}

/** 'changed': something else is there now (or nothing); 'busy': the lock stayed taken. */
export type Removal = 'removed' | 'changed' | 'busy' | { failed: string };

/** Unlinks `dir/name` if it is still exactly `judged`, under the port's deletion lock. */
export async function removeIfUnchanged(
  dir: string,
  name: string,
  judged: LeaseEntry,
  expected: { port: number; protocol: Protocol },
): Promise<Removal> {
  const file = path.join(dir, name);
  const outcome = await withLeaseLock(dir, name, await self(), async (): Promise<Removal> => {
    const now = await readLeaseEntry(file, expected);
    if (!sameEntry(now, judged)) return 'changed';
    try {
      unlinkSync(file);
      return 'removed';
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return 'changed';
      return { failed: code ?? String(error) };
    }
  });
  return outcome === LOCK_BUSY ? 'busy' : outcome;
}
