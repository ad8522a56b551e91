/**
 * The per-port lock every DELETION of a lease file goes through (reclaiming a stale lease,
 * releasing one's own). Creating a lease needs no lock: `link()` can never replace an existing
 * file. Deleting does: "judge the file stale, then unlink the name" is two steps, and between
 * them another reclaimer may have removed that stale file and a new owner created a fresh
 * lease under the same name, which a blind unlink would destroy. Under this lock nobody else
 * deletes, and nobody can replace an existing name, so the file judged is the file unlinked.
 *
 * The lock file `<protocol>-<port>.lock` is held for microseconds. A lock whose holder process
 * is gone is removed by the next one who needs it (renamed to a unique name first and checked,
 * so two such recoverers cannot both remove fresh locks).
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, lstat, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createExclusive, readSmallFileNoFollow } from './lease-file.js';
import { isOwnerAlive, type ProcessIdentity } from './process-identity.js';
import { hasErrorCode } from '../system/error-code.js';

/** How long an unreadable lock may exist before it counts as abandoned. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;

interface LockContent {
  pid: number;
  pidStart?: string;
  token: string;
}

function parseLock(text: string): LockContent | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockContent>;
    if (typeof data.pid !== 'number' || typeof data.token !== 'string') return undefined;
    return {
      pid: data.pid,
      pidStart: typeof data.pidStart === 'string' ? data.pidStart : undefined,
      token: data.token,
    };
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock name for a lease name: `tcp-5432.lease` → `tcp-5432.lock`. */
export function lockFileName(leaseName: string): string {
  return leaseName.replace(/\.lease$/, '.lock');
}

/** The lock could not be had in time: its holder is alive and did not let go. */
export const LOCK_BUSY = Symbol('lock busy');

/**
 * Removes a lock whose holder is gone. Renames it aside first: if what was renamed is not the
 * lock judged abandoned (its holder finished and someone else locked meanwhile), it is put back.
 * False when the lock cannot be moved (another user's, in the sticky directory).
 */
async function removeAbandonedLock(
  dir: string,
  lockName: string,
  judgedText: string,
): Promise<boolean> {
  const aside = path.join(
    dir,
    `.${lockName}.${process.pid}.${randomBytes(6).toString('hex')}.stale`,
  );
  try {
    await rename(path.join(dir, lockName), aside);
  } catch (error) {
    return hasErrorCode(error, 'ENOENT');
  }
  const read = await readSmallFileNoFollow(aside);
  if ('text' in read && read.text !== judgedText) {
    // link, not rename: never replace a lock someone took in the meantime.
    await link(aside, path.join(dir, lockName)).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

/**
 * Runs `critical` while holding the lock for `leaseName`; returns {@link LOCK_BUSY} when a live
 * holder keeps it longer than `timeoutMs`.
 */
export async function withLeaseLock<T>(
  dir: string,
  leaseName: string,
  self: ProcessIdentity,
  critical: () => Promise<T>,
  timeoutMs = 5000,
): Promise<T | typeof LOCK_BUSY> {
  const lockName = lockFileName(leaseName);
  const lockPath = path.join(dir, lockName);
  const token = randomBytes(12).toString('hex');
  const text = `${JSON.stringify({ pid: self.pid, pidStart: self.start, token })}\n`;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(dir, lockName, text)) {
      try {
        return await critical();
      } finally {
        try {
          unlinkSync(lockPath);
        } catch {
          // Cannot happen: only a dead holder's lock is removed by others.
        }
      }
    }
    const read = await readSmallFileNoFollow(lockPath);
    if ('code' in read && read.code === 'ENOENT') continue;
    const held = 'text' in read ? read.text : '';
    const holder = parseLock(held);
    const abandoned = holder
      ? !(await isOwnerAlive(holder))
      : await olderThan(lockPath, UNREADABLE_LOCK_GRACE_MS);
    if (abandoned && (await removeAbandonedLock(dir, lockName, held))) continue;
    if (Date.now() >= deadline) return LOCK_BUSY;
    await sleep(Math.min(1 + attempt, 20));
  }
}

async function olderThan(file: string, ageMs: number): Promise<boolean> {
  try {
    return Date.now() - (await lstat(file)).mtimeMs > ageMs;
  } catch {
    return false;
  }
}
