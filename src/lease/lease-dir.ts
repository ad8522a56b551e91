/**
 * The lease directory: shared by every runner (possibly several OS users) on one host, so it
 * must be a real directory that no other user can use to delete or swap our lease files.
 */
import type { Stats } from 'node:fs';
import { access, chmod, constants, lstat, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../spec/input-error.js';
import { errorCause, errorCode } from '../system/error-code.js';

/** Where leases live unless `lease-dir` says otherwise: `<os temp dir>/port-guard`. */
export function defaultLeaseDir(): string {
  return path.join(os.tmpdir(), 'port-guard');
}

/** Like /tmp: everyone may create files, only a file's owner may delete or rename it. */
const SHARED_DIR_MODE = 0o1777;
const STICKY = 0o1000;

async function lstatIfExists(dir: string): Promise<Stats | undefined> {
  try {
    return await lstat(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new InputError('lease-dir', `cannot inspect lease-dir "${dir}": ${errorCode(error)}`);
  }
}

/**
 * Throws an `InputError('lease-dir')` when `dir` (already lstat-ed as `stats`) is not safe to
 * hold leases: a symbolic link (never followed: it could point anywhere another user likes),
 * not a directory, or writable by group/others without the sticky bit (anyone could then
 * delete or replace other users' leases).
 */
export function assertSafeLeaseDir(dir: string, stats: Stats): void {
  if (stats.isSymbolicLink()) {
    throw new InputError(
      'lease-dir',
      `lease-dir "${dir}" is a symbolic link; port-guard does not follow it. ` +
        `Use the real directory it points to, or a plain directory (default: ${defaultLeaseDir()}).`,
    );
  }
  if (!stats.isDirectory()) {
    throw new InputError(
      'lease-dir',
      `lease-dir "${dir}" exists but is not a directory; give a directory path ` +
        `(default: ${defaultLeaseDir()}).`,
    );
  }
  // Windows has no such permission bits; its ACLs are left to the runner's setup.
  if (process.platform !== 'win32' && (stats.mode & 0o022) !== 0 && (stats.mode & STICKY) === 0) {
    const mode = (stats.mode & 0o7777).toString(8).padStart(4, '0');
    throw new InputError(
      'lease-dir',
      `lease-dir "${dir}" is writable by group or others (mode ${mode}) without the sticky bit, ` +
        `so any local user could delete or replace leases; run \`chmod +t\` on it (mode 1777, ` +
        `like /tmp) or use a directory only the runner users can write.`,
    );
  }
}

/**
 * Makes sure `dir` exists and is safe (see {@link assertSafeLeaseDir}); creates it as a
 * sticky, world-writable directory (mode 1777, like /tmp) so runners of other users on the
 * host can share it. Returns the absolute path.
 */
export async function openLeaseDir(dir: string): Promise<string> {
  if (dir.trim() === '') {
    throw new InputError(
      'lease-dir',
      `lease-dir is empty; give a directory path (default: ${defaultLeaseDir()}).`,
    );
  }
  const abs = path.resolve(dir);
  let stats = await lstatIfExists(abs);
  if (!stats) {
    try {
      await mkdir(path.dirname(abs), { recursive: true });
      await mkdir(abs, { mode: SHARED_DIR_MODE });
      // mkdir's mode passes through the umask; the sharing bits must be exact.
      if (process.platform !== 'win32') await chmod(abs, SHARED_DIR_MODE);
    } catch (error) {
      // Another allocator created it at the same moment: validate theirs below.
      if (errorCode(error) !== 'EEXIST') {
        throw new InputError('lease-dir', `cannot create lease-dir "${abs}": ${errorCause(error)}`);
      }
    }
    stats = await lstat(abs);
  }
  assertSafeLeaseDir(abs, stats);
  try {
    await access(abs, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new InputError(
      'lease-dir',
      `lease-dir "${abs}" is not writable by this user (${errorCode(error)}); make it mode 1777 ` +
        `or give a directory this user can write.`,
    );
  }
  return abs;
}
