/**
 * One lease on disk: the file `<protocol>-<port>.lease` in the lease directory, holding a JSON
 * record. Creating it is the atomic "win" of a port; readers never follow symbolic links and
 * never mistake a lease being written for a corrupt one.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  linkSync,
  lstatSync,
  openSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { MAX_LEASE_TTL_SECONDS } from '../spec/config.js';
import { readRaw } from './no-follow-read.js';
import type { Protocol } from '../spec/port-spec.js';
import { errorCode } from '../system/error-code.js';

export { readSmallFileNoFollow } from './no-follow-read.js';

/** Who owns a lease, as written into its file. */
export interface LeaseOwner {
  /** A token naming one run of the action or CLI, so its post step can release exactly its leases. */
  id?: string;
  repository?: string;
  runId?: string;
  runAttempt?: string;
  job?: string;
  runner?: string;
  /**
   * The process whose life the lease follows (the runner's worker, or the CLI's shell); 0 when
   * it follows none and lives until its TTL or a release.
   */
  pid: number;
  /** That process's start time, so a reused pid does not keep a lease alive. */
  pidStart?: string;
}

/** A lease as read from the registry. */
export interface LeaseRecord {
  port: number;
  protocol: Protocol;
  owner: LeaseOwner;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
}

/** Bumped when the file format changes incompatibly; other versions read as foreign. */
export const LEASE_FORMAT_VERSION = 1;

/** The file name of the lease on (port, protocol), e.g. `tcp-5432.lease`. */
export function leaseFileName(port: number, protocol: Protocol): string {
  return `${protocol}-${port}.lease`;
}

/** The (port, protocol) a lease file name stands for; undefined for any other name. */
export function parseLeaseFileName(name: string): { port: number; protocol: Protocol } | undefined {
  const match = /^(tcp|udp)-([1-9]\d{0,4})\.lease$/.exec(name);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port > 65535) return undefined;
  return { port, protocol: match[1] as Protocol };
}

/** What the file holds: the record plus a random token naming this one lease instance. */
export interface LeaseFileContent extends LeaseRecord {
  version: typeof LEASE_FORMAT_VERSION;
  /** Unique per created lease, so a deleter can tell "the lease I judged" from a newer one. */
  token: string;
}

/** What is found under a lease name. */
export type LeaseEntry =
  | { kind: 'missing' }
  | { kind: 'lease'; record: LeaseRecord; token: string }
  /**
   * Something that is not a readable lease of ours: corrupt JSON, another format, a symbolic
   * link, a directory, a file we may not read. `identity` tells this very entry from a later one.
   */
  | { kind: 'unreadable'; reason: string; mtimeMs: number; identity: string };

/** A new random lease token. */
export function newLeaseToken(): string {
  return randomBytes(12).toString('hex');
}

/** The file text of a lease. */
export function serializeLease(content: LeaseFileContent): string {
  const { version, port, protocol, owner, createdAt, expiresAt, token } = content;
  return `${JSON.stringify({ version, port, protocol, owner, createdAt, expiresAt, token })}\n`;
}

const OWNER_TEXT_FIELDS = [
  'id',
  'repository',
  'runId',
  'runAttempt',
  'job',
  'runner',
  'pidStart',
] as const;

function parseOwner(value: unknown): LeaseOwner | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  // pid 0: a lease that follows no process and lives until its TTL (see lease-owner.ts).
  if (typeof raw.pid !== 'number' || !Number.isSafeInteger(raw.pid) || raw.pid < 0)
    return undefined;
  const owner: LeaseOwner = { pid: raw.pid };
  for (const field of OWNER_TEXT_FIELDS) {
    const text = raw[field];
    if (text === undefined) continue;
    if (typeof text !== 'string') return undefined;
    owner[field] = text;
  }
  return owner;
}

/**
 * Parses lease file text; undefined (with the reason) unless it is a lease of this format
 * for exactly the (port, protocol) its name says.
 */
export function parseLease(
  text: string,
  expected: { port: number; protocol: Protocol },
): { record: LeaseRecord; token: string } | { reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { reason: 'is not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { reason: 'is not a JSON object' };
  const data = raw as Record<string, unknown>;
  if (data.version !== LEASE_FORMAT_VERSION) {
    return {
      reason: `has format version ${JSON.stringify(data.version)}, not ${LEASE_FORMAT_VERSION}`,
    };
  }
  if (data.port !== expected.port || data.protocol !== expected.protocol) {
    return {
      reason: `names ${String(data.protocol)} port ${String(data.port)}, not its own file name`,
    };
  }
  const owner = parseOwner(data.owner);
  if (!owner) return { reason: 'has no valid owner' };
  const { createdAt, expiresAt, token } = data;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
    return { reason: 'has no valid createdAt' };
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
    return { reason: 'has no valid expiresAt' };
  if (typeof token !== 'string' || token === '') return { reason: 'has no token' };
  return {
    record: { port: expected.port, protocol: expected.protocol, owner, createdAt, expiresAt },
    token,
  };
}

const UNREADABLE_REASONS: Record<string, string> = {
  ELOOP: 'is a symbolic link (not followed)',
  ENOTFILE: 'is not a regular file',
  EFBIG: 'is too large to be a lease',
};

/**
 * No lease outlives the longest `lease-ttl` there is, counted from when its file was written,
 * whatever its text says: a hand-written (or clock-skewed) `expiresAt` far in the future must
 * not block a port forever. The earlier of mtime and ctime is taken: a future mtime can be set
 * by hand (`touch -d`), ctime cannot.
 */
function capExpiry(record: LeaseRecord, stats: Stats): LeaseRecord {
  const written = Math.min(stats.mtimeMs, stats.ctimeMs);
  const latest = written + MAX_LEASE_TTL_SECONDS * 1000;
  return record.expiresAt > latest ? { ...record, expiresAt: latest } : record;
}

/** What is under a lease name, read without following a symbolic link. */
export async function readLeaseEntry(
  file: string,
  expected: { port: number; protocol: Protocol },
): Promise<LeaseEntry> {
  const read = readRaw(file);
  if ('code' in read && read.code === 'ENOENT') return { kind: 'missing' };
  let stats = read.stats;
  if (!stats) {
    try {
      stats = lstatSync(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    }
  }
  const unreadable = (reason: string): LeaseEntry =>
    stats
      ? {
          kind: 'unreadable',
          reason,
          mtimeMs: stats.mtimeMs,
          identity: `${stats.dev}:${stats.ino}:${stats.mtimeMs}:${stats.size}`,
        }
      : // Cannot even see its time: treat it as brand new, so it stays held.
        { kind: 'unreadable', reason, mtimeMs: Date.now(), identity: `unknown:${reason}` };
  if ('code' in read) {
    return unreadable(UNREADABLE_REASONS[read.code] ?? `cannot be read (${read.code})`);
  }
  const parsed = parseLease(read.text, expected);
  if ('reason' in parsed) return unreadable(parsed.reason);
  return { kind: 'lease', record: capExpiry(parsed.record, read.stats), token: parsed.token };
}

/**
 * Creates `dir/name` holding `text` only if nothing is there yet; true when we created it,
 * false when something (anything, even a symbolic link) already has that name.
 *
 * Why write-then-link instead of `open(name, 'wx')` + write: with 'wx' the file exists empty
 * for a moment, and a reader then sees a "corrupt" lease. Here the text goes into a uniquely
 * named temporary file first ('wx' again, so never through a planted link), and `link()` gives
 * it the lease name in one step that fails with EEXIST if the name is taken, never replacing
 * or following what is there. Readers see either nothing or the complete lease.
 */
export async function createExclusive(dir: string, name: string, text: string): Promise<boolean> {
  const temp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      // Other users' runners must be able to read it, whatever our umask.
      if (process.platform !== 'win32') fchmodSync(fd, 0o644);
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path.join(dir, name));
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone: nothing to clean up.
    }
  }
}
