/**
 * Reading a small file in the shared lease directory without trusting what is there: never
 * following a symbolic link, never blocking on a FIFO, never reading more than a lease can be.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  type Stats,
} from 'node:fs';
import { errorCause } from '../system/error-code.js';

/** A real lease is a few hundred bytes; anything much larger is not ours. */
const MAX_FILE_BYTES = 64 * 1024;

// Absent on Windows (0 there): symbolic links are then caught by an lstat before opening.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// A FIFO planted under a lease name would block a plain open for reading forever.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

// The file operations below are synchronous on purpose: each is a few microseconds on a local
// file system, against ~50-100 µs through the libuv thread pool (measured with
// bench/lease-bench.mjs), and the allocator takes its leases one after another anyway.

/** What is under a name, read without following a link: text and stats, or an error code. */
export type RawRead = { text: string; stats: Stats } | { code: string; stats?: Stats };

/**
 * Reads a small file without following a symbolic link (O_NOFOLLOW, or an lstat first where
 * the platform has no O_NOFOLLOW) or blocking on a FIFO. Codes: ENOENT, ELOOP (a link; FreeBSD
 * says EMLINK), ENOTFILE (not a regular file), EFBIG (larger than a lease can be), or the
 * error's own.
 */
export function readRaw(file: string): RawRead {
  let fd: number;
  try {
    if (O_NOFOLLOW === 0) {
      const stats = lstatSync(file);
      if (stats.isSymbolicLink()) return { code: 'ELOOP', stats };
    }
    fd = openSync(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = errorCause(error);
    return { code: code === 'EMLINK' ? 'ELOOP' : code };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { code: 'ENOTFILE', stats };
    if (stats.size > MAX_FILE_BYTES) return { code: 'EFBIG', stats };
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (
      let n;
      length < buffer.length &&
      (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;
    )
      length += n;
    // One byte more than fstat said means it grew while we read: not a finished lease.
    if (length > stats.size) return { code: 'EFBIG', stats };
    return { text: buffer.toString('utf8', 0, length), stats };
  } catch (error) {
    return { code: errorCause(error) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a small file without following a symbolic link or blocking on a FIFO (see readRaw). */
export async function readSmallFileNoFollow(
  file: string,
): Promise<{ text: string } | { code: string }> {
  const read = readRaw(file);
  return 'text' in read ? { text: read.text } : { code: read.code };
}
