/**
 * The per-port lock every DELETION of a lease file goes through (reclaiming a stale lease,
 * releasing one's own). Creating a lease needs no lock: `link()` can never replace an existing
 * file. Deleting does: "judge the file stale, then unlink the name" is two steps, and between
 * them another reclaimer may have removed that stale file and a new owner created a fresh
 * lease under the same name, which a blind unlink would destroy. Under this lock nobody else
 * deletes, and nobody can replace an existing name, so the file judged is the file unlinked.
 *
 * The lock file `<protocol>-<port>.lock` is held for microseconds. A lock whose holder process
 * is gone, or that is older than {@link LOCK_MAX_AGE_MS} (a holder that hangs, or a pid whose
 * liveness cannot be told), is removed by the next one who needs it (renamed to a unique name
 * first and checked, so two such recoverers cannot both remove fresh locks).
 *
 * Deleting must work on a full disk (a failed run must still give its leases back), and a lock
 * file with its holder's name needs a new inode, a data block and a descriptor. When it cannot
 * be written (ENOSPC, EDQUOT, EMFILE), the lock is a hard link of the lease file itself under
 * the lock name: the same one-step, never-replacing `link()`, but no new data. Such a lock
 * names no holder, so only its age (ctime, which `link()` sets) tells when it is abandoned.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, unlinkSync } from 'node:fs';
import { link, lstat, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, hasErrorCode } from '../system/error-code.js';
import { createExclusive, readSmallFileNoFollow } from './lease-file.js';
import { isOwnerAlive, type ProcessIdentity } from './process-identity.js';

/** How long an unreadable lock (or a hard-link lock, see above) may exist before it is abandoned. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;

/** No lock is held longer than this, on any OS: older, it is abandoned whoever holds it. */
export const LOCK_MAX_AGE_MS = 60_000;

/**
 * Codes meaning "no new file can be made now" (no space, no quota, no descriptor), where the
 * hard-link lock, which needs neither data nor a descriptor, is used instead.
 */
const NO_NEW_FILE = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE']);

type Locked = 'locked' | 'taken' | 'no-lease';

/**
 * Takes the lock: a lock file naming us, or on a full disk a hard link of the lease file.
 * 'taken': someone holds it; 'no-lease': the disk is full and there is no lease file to link
 * (then there is nothing to delete either).
 */
function takeLock(dir: string, leaseName: string, lockName: string, text: string): Promise<Locked> {
  return createExclusive(dir, lockName, text).then(
    (created): Locked => (created ? 'locked' : 'taken'),
    (error: unknown): Locked => {
      if (!NO_NEW_FILE.has(errorCode(error) ?? '')) throw error;
      try {
        linkSync(path.join(dir, leaseName), path.join(dir, lockName));
        return 'locked';
      } catch (linkError) {
        const code = errorCode(linkError);
        if (code === 'EEXIST') return 'taken';
        if (code === 'ENOENT') return 'no-lease';
        throw linkError;
      }
    },
  );
}

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
    const locked = await takeLock(dir, leaseName, lockName, text);
    // Nothing under the lease name to link: the critical part finds it missing (or a newer
    // lease it must leave alone) and deletes nothing, so it needs no lock.
    if (locked === 'no-lease') return critical();
    if (locked === 'locked') {
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
      ? (await olderThan(lockPath, LOCK_MAX_AGE_MS)) || !(await isOwnerAlive(holder))
      : await olderThan(lockPath, UNREADABLE_LOCK_GRACE_MS);
    if (abandoned && (await removeAbandonedLock(dir, lockName, held))) continue;
    if (Date.now() >= deadline) return LOCK_BUSY;
    await sleep(Math.min(1 + attempt, 20));
  }
}

/** By ctime: set when the lock was created or linked, and never by hand to the future. */
async function olderThan(file: string, ageMs: number): Promise<boolean> {
  try {
    return Date.now() - (await lstat(file)).ctimeMs > ageMs;
  } catch {
    return false;
  }
}
