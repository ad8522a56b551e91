/**
 * The lease directory: shared by every runner (possibly several OS users) on one host, so it
 * must be a real directory that no other user can use to delete or swap our lease files.
 */
import type { Stats } from 'node:fs';
import { access, chmod, constants, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../spec/input-error.js';
import { errorCode } from '../system/error-code.js';
import { asSystemError } from '../system/system-error.js';

/**
 * Where leases live unless `lease-dir` says otherwise: one directory for the whole host, never
 * `os.tmpdir()` (per user on macOS and Windows, so runners of two users would not see each
 * other's leases): `/tmp/port-guard`, or `%ProgramData%\port-guard` on Windows.
 */
export function defaultLeaseDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform !== 'win32') return '/tmp/port-guard';
  const programData = env.ProgramData ?? env.PROGRAMDATA;
  const base = programData && path.win32.isAbsolute(programData) ? programData : 'C:\\ProgramData';
  return path.win32.join(base, 'port-guard');
}

/** Like /tmp: everyone may create files, only a file's owner may delete or rename it. */
const SHARED_DIR_MODE = 0o1777;
const STICKY = 0o1000;

/**
 * Throws `InputError('lease-dir')` for a path that cannot name the host-wide directory: empty,
 * or relative (it would resolve into each job's own working directory, where no other job
 * looks, so leases would coordinate nothing).
 */
export function checkLeaseDirPath(dir: string, platform: NodeJS.Platform = process.platform): void {
  if (dir.trim() === '') {
    throw new InputError(
      'lease-dir',
      `lease-dir is empty; give a directory path (default: ${defaultLeaseDir(platform)}).`,
    );
  }
  const pathOf = platform === 'win32' ? path.win32 : path.posix;
  if (!pathOf.isAbsolute(dir)) {
    throw new InputError(
      'lease-dir',
      `lease-dir: "${dir}" is a relative path; give an absolute path that every job on the host uses (default: ${defaultLeaseDir(platform)}).`,
    );
  }
}

async function lstatIfExists(dir: string): Promise<Stats | undefined> {
  try {
    return await lstat(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw refuse(error, `inspecting "${dir}"`, `cannot inspect "${dir}": ${errorCode(error)}`);
  }
}

/** An InputError naming lease-dir, unless the machine itself ran out of something. */
function refuse(error: unknown, doing: string, message: string): unknown {
  const system = asSystemError(error, doing);
  return system !== error ? system : new InputError('lease-dir', `lease-dir: ${message}`);
}

/** This process's uid, or undefined where the OS has none (Windows). */
function callerUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/**
 * Throws an `InputError('lease-dir')` when `dir` (already lstat-ed as `stats`) is not safe to
 * hold leases: a symbolic link (never followed: it could point anywhere another user likes),
 * not a directory, writable by group/others without the sticky bit (anyone could then delete
 * or replace other users' leases), or owned by someone other than root or the caller (its
 * owner may delete or rename any file in it, sticky or not).
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
  // Windows has no such permission bits or uids; its ACLs are left to the runner's setup.
  if (process.platform === 'win32') return;
  if ((stats.mode & 0o022) !== 0 && (stats.mode & STICKY) === 0) {
    const mode = (stats.mode & 0o7777).toString(8).padStart(4, '0');
    throw new InputError(
      'lease-dir',
      `lease-dir "${dir}" is writable by group or others (mode ${mode}) without the sticky bit, ` +
        `so any local user could delete or replace leases; run \`chmod +t\` on it (mode 1777, ` +
        `like /tmp) or use a directory only the runner users can write.`,
    );
  }
  const uid = callerUid();
  if (uid !== undefined && stats.uid !== 0 && stats.uid !== uid) {
    throw new InputError(
      'lease-dir',
      `lease-dir "${dir}" is owned by uid ${stats.uid}, neither root nor this user (uid ${uid}); ` +
        `its owner could delete anyone's leases in it. Remove it (root creates it again on first ` +
        `use if it is the default), or give a directory owned by root or this user.`,
    );
  }
}

/**
 * Makes sure `dir` exists and is safe (see {@link assertSafeLeaseDir}); creates it (never its
 * parent: a missing parent means a mistyped path or a host not set up as assumed) as a sticky,
 * world-writable directory (mode 1777, like /tmp) so runners of other users on the host can
 * share it. Returns the path.
 */
export async function openLeaseDir(dir: string): Promise<string> {
  checkLeaseDirPath(dir);
  const abs = path.normalize(dir);
  let stats = await lstatIfExists(abs);
  if (!stats) {
    const parent = path.dirname(abs);
    if (!(await lstatIfExists(parent))) {
      throw new InputError(
        'lease-dir',
        `lease-dir "${abs}": its parent directory "${parent}" does not exist; port-guard creates ` +
          `only the lease dir itself. Create the parent, or give a lease-dir whose parent exists.`,
      );
    }
    try {
      await mkdir(abs, { mode: SHARED_DIR_MODE });
      // mkdir's mode passes through the umask; the sharing bits must be exact.
      if (process.platform !== 'win32') await chmod(abs, SHARED_DIR_MODE);
    } catch (error) {
      // Another allocator created it at the same moment: validate theirs below.
      if (errorCode(error) !== 'EEXIST') {
        const code = errorCode(error) ?? String(error);
        throw refuse(error, `creating lease-dir "${abs}"`, `cannot create "${abs}": ${code}`);
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

/**
 * The names in an existing lease dir, for readers from outside a registry (release, who):
 * none when the dir does not exist; an unsafe dir is refused as {@link openLeaseDir} refuses it.
 */
export async function leaseDirNames(abs: string): Promise<string[]> {
  try {
    assertSafeLeaseDir(abs, await lstat(abs));
    return (await readdir(abs)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}
