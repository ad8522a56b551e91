/**
 * The host-wide lease registry: exactly one process at a time holds a lease on a given
 * (port, protocol). The allocator takes the lease first and probes second, dropping the lease
 * when the probe says busy, so two allocators can never both hand out the same port.
 */
import { unlinkSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../spec/input-error.js';
import type { LeaseOwner, LeaseRecord } from './lease-file.js';
import type { Protocol } from '../spec/port-spec.js';
import { assertSafeLeaseDir, openLeaseDir } from './lease-dir.js';
import {
  LEASE_FORMAT_VERSION,
  createExclusive,
  leaseFileName,
  newLeaseToken,
  parseLeaseFileName,
  readLeaseEntry,
  serializeLease,
  type LeaseEntry,
} from './lease-file.js';
import { sweepLeftovers } from './lease-leftovers.js';
import { LOCK_BUSY, lockFileName, withLeaseLock } from './lease-lock.js';
import { isOwnerAlive, processIdentity, type ProcessIdentity } from './process-identity.js';
import { errorCode } from '../system/error-code.js';

/** The outcome of trying to take a lease on one (port, protocol). */
export type LeaseAttempt =
  | { acquired: true }
  /** `heldBy` is absent when the lease file exists but cannot be read as ours or anyone's. */
  | { acquired: false; heldBy?: LeaseRecord };

/**
 * What the allocator needs of the lease registry: lease first, then probe; drop the lease
 * when the probe says busy.
 */
export interface LeaseGate {
  acquire(port: number, protocol: Protocol): Promise<LeaseAttempt>;
  release(port: number, protocol: Protocol): Promise<void>;
}

/** How to open a registry. */
export interface LeaseRegistryOptions {
  /** The lease directory; created (mode 1777) when missing, refused when unsafe. */
  dir: string;
  /** Seconds after which a lease expires even if its owner still runs. */
  ttlSeconds: number;
  /** Who the leases belong to; `pidStart` is filled in from the pid when absent. */
  owner: LeaseOwner;
  /** Milliseconds since the epoch; for tests. */
  now?: () => number;
}

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

type Removal = 'removed' | 'changed' | 'busy' | { failed: string };

/**
 * Unlinks `dir/name` if it is still exactly `judged`, under the port's deletion lock.
 * 'changed': something else is there now (or nothing); 'busy': the lock stayed taken.
 */
async function removeIfUnchanged(
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

interface HeldLease {
  port: number;
  protocol: Protocol;
  token: string;
}

/** How many times one acquire re-tries after finding and clearing a stale lease. */
const MAX_ACQUIRE_ROUNDS = 16;

/**
 * Leases taken by one allocator run. Not shared between processes: every process opens its
 * own; they coordinate through the files only.
 */
export class LeaseRegistry implements LeaseGate {
  readonly dir: string;
  readonly ttlSeconds: number;
  readonly owner: LeaseOwner;
  private readonly now: () => number;
  private readonly leases = new Map<string, HeldLease>();
  private readonly reported = new Map<string, string>();

  /** Use {@link openLeaseRegistry}, which checks the directory and fills in the owner. */
  constructor(dir: string, ttlSeconds: number, owner: LeaseOwner, now: () => number = Date.now) {
    this.dir = dir;
    this.ttlSeconds = ttlSeconds;
    this.owner = owner;
    this.now = now;
  }

  /**
   * Takes the lease on (port, protocol): `{ acquired: true }` when it is now ours (also when
   * this registry already held it); otherwise `heldBy` names the live owner, or is absent when
   * the lease file exists but cannot be read as a lease (see {@link problems}).
   * Stale leases (owner process gone, or expired) are reclaimed on the way.
   */
  async acquire(port: number, protocol: Protocol): Promise<LeaseAttempt> {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new RangeError(`cannot lease port ${port}: not an integer 1-65535`);
    }
    const key = leaseFileName(port, protocol);
    if (this.leases.has(key)) return { acquired: true };
    const file = path.join(this.dir, key);
    const expected = { port, protocol };
    let last: LeaseEntry = { kind: 'missing' };
    for (let round = 0; round < MAX_ACQUIRE_ROUNDS; round++) {
      const createdAt = this.now();
      const token = newLeaseToken();
      const text = serializeLease({
        version: LEASE_FORMAT_VERSION,
        port,
        protocol,
        owner: this.owner,
        createdAt,
        expiresAt: createdAt + this.ttlSeconds * 1000,
        token,
      });
      if (await createExclusive(this.dir, key, text)) {
        this.leases.set(key, { port, protocol, token });
        this.reported.delete(file);
        return { acquired: true };
      }
      const entry = await readLeaseEntry(file, expected);
      last = entry;
      if (entry.kind === 'missing') continue; // released between our create and our read
      if (entry.kind === 'lease') {
        if (!(await this.isStale(entry.record))) return { acquired: false, heldBy: entry.record };
      } else if (this.now() - entry.mtimeMs <= this.ttlSeconds * 1000) {
        this.report(
          file,
          `${entry.reason}; treated as held until it is older than lease-ttl (${this.ttlSeconds}s)`,
        );
        return { acquired: false };
      }
      const removal = await removeIfUnchanged(this.dir, key, entry, expected);
      if (removal === 'busy') {
        this.report(
          file,
          `is stale but its lock ${lockFileName(key)} stayed taken; treated as held`,
        );
        break;
      }
      if (typeof removal === 'object') {
        this.report(file, `is stale but cannot be removed (${removal.failed}); treated as held`);
        break;
      }
    }
    return last.kind === 'lease' ? { acquired: false, heldBy: last.record } : { acquired: false };
  }

  /** Drops our lease on (port, protocol); a lease this registry does not hold is left alone. */
  async release(port: number, protocol: Protocol): Promise<void> {
    const key = leaseFileName(port, protocol);
    const held = this.leases.get(key);
    if (!held) return;
    this.leases.delete(key);
    const file = path.join(this.dir, key);
    // Removed only if the file still carries our token: after our TTL someone may have
    // reclaimed the port, and their lease is not ours to drop.
    const entry: LeaseEntry = {
      kind: 'lease',
      token: held.token,
      record: { port, protocol, owner: this.owner, createdAt: 0, expiresAt: 0 },
    };
    const removal = await removeIfUnchanged(this.dir, key, entry, { port, protocol });
    if (removal === 'busy') this.report(file, 'could not be released: its lock stayed taken');
    else if (typeof removal === 'object')
      this.report(file, `could not be released (${removal.failed})`);
  }

  /** Drops every lease this registry holds (a failed step must leave none behind). */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.leases.values()].map((l) => this.release(l.port, l.protocol)));
  }

  /** The leases this registry holds now. */
  held(): Array<{ port: number; protocol: Protocol }> {
    return [...this.leases.values()].map(({ port, protocol }) => ({ port, protocol }));
  }

  /**
   * Lease files found corrupt, foreign, symbolic links or impossible to remove, one message
   * each, naming the file; the fronts print them as warnings.
   */
  problems(): string[] {
    return [...this.reported.entries()].map(([file, message]) => `lease file ${file} ${message}`);
  }

  private report(file: string, message: string): void {
    this.reported.set(file, message);
  }

  private async isStale(record: LeaseRecord): Promise<boolean> {
    return record.expiresAt <= this.now() || !(await isOwnerAlive(record.owner));
  }
}

/**
 * Opens the registry in `opts.dir`: checks (or creates) the directory, fills in the owner's
 * start time. Throws `InputError('lease-dir')` for an unsafe directory and
 * `InputError('lease-ttl')` for a TTL that is not a positive number of seconds.
 */
export async function openLeaseRegistry(opts: LeaseRegistryOptions): Promise<LeaseRegistry> {
  if (!Number.isFinite(opts.ttlSeconds) || opts.ttlSeconds <= 0) {
    throw new InputError(
      'lease-ttl',
      `lease-ttl must be a positive number of seconds, got ${opts.ttlSeconds}`,
    );
  }
  const dir = await openLeaseDir(opts.dir);
  const owner: LeaseOwner = { ...opts.owner };
  if (owner.pidStart === undefined) {
    const identity = await processIdentity(owner.pid);
    if (identity?.start !== undefined) owner.pidStart = identity.start;
  }
  await sweepLeftovers(dir);
  return new LeaseRegistry(dir, opts.ttlSeconds, owner, opts.now);
}

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
 * the leases it released. A missing directory has nothing to release; an unsafe one is refused.
 */
export async function releaseLeases(dir: string, match: ReleaseMatch): Promise<LeaseRecord[]> {
  if (match.ownerId === undefined && match.pid === undefined) {
    throw new Error('releaseLeases needs an ownerId or a pid to match');
  }
  const abs = path.resolve(dir);
  let names: string[];
  try {
    assertSafeLeaseDir(abs, await lstat(abs));
    names = await readdir(abs);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const ports = match.ports && match.ports.length > 0 ? new Set(match.ports) : undefined;
  const targets =
    match.targets && match.targets.length > 0
      ? new Set(match.targets.map((t) => leaseFileName(t.port, t.protocol)))
      : undefined;
  const released: LeaseRecord[] = [];
  for (const name of names.sort()) {
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
