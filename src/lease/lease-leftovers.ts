/**
 * Files a crashed allocator can leave in the lease directory: the temporary file a lease or
 * lock is written to before it is linked into place (`.<name>.<pid>.<random>.tmp`), and a lock
 * moved aside while being recovered (`.<name>.<pid>.<random>.stale`). They live microseconds
 * in normal operation and mean nothing to anyone; old ones are swept away.
 */
import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

const LEFTOVER = /^\.(tcp|udp)-\d+\.(lease|lock)\.\d+\.[0-9a-f]+\.(tmp|stale)$/;

/** Older than this, a leftover cannot belong to an operation still in progress. */
export const LEFTOVER_AGE_MS = 10 * 60_000;

/**
 * Removes leftovers older than {@link LEFTOVER_AGE_MS} (only those this user may remove: the
 * directory is sticky). Returns the names removed. Never throws.
 */
export async function sweepLeftovers(dir: string, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!LEFTOVER.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const stats = await lstat(file);
      if (now - stats.mtimeMs < LEFTOVER_AGE_MS) continue;
      await unlink(file);
      removed.push(name);
    } catch {
      // Gone already, or another user's: not ours to worry about.
    }
  }
  return removed;
}
