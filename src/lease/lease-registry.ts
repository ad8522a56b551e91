/**
 * The host-wide lease registry: exactly one process at a time holds a lease on a given
 * (port, protocol). The allocator takes the lease first and probes second, dropping the lease
 * when the probe says busy, so two allocators can never both hand out the same port.
 */
import path from 'node:path';
import { InputError } from '../spec/input-error.js';
import { errorCode } from '../system/error-code.js';
import { asSystemError } from '../system/system-error.js';
import type { LeaseOwner, LeaseRecord } from './lease-file.js';
import type { Protocol } from '../spec/port-spec.js';
import { openLeaseDir } from './lease-dir.js';
import {
  LEASE_FORMAT_VERSION,
  createExclusive,
  leaseFileName,
  newLeaseToken,
  readLeaseEntry,
  serializeLease,
  type LeaseEntry,
} from './lease-file.js';
import { sweepLeftovers } from './lease-leftovers.js';
import { lockFileName } from './lease-lock.js';
import { removeIfUnchanged, type Removal } from './lease-removal.js';
import { processIdentity } from './process-identity.js';
import { leaseOwnerAlive, sameLeaseOwner } from './lease-owner.js';

export { releaseLeases, type ReleaseMatch } from './lease-release.js';

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
  /**
   * Ports the caller asks for by number: a live lease of the same owner on one of them is the
   * caller's own (an earlier step of the same job), taken over and kept, never a conflict.
   */
  reusable?: ReadonlyArray<{ port: number; protocol: Protocol }>;
}

interface HeldLease {
  port: number;
  protocol: Protocol;
  token: string;
  /** Taken over from an earlier run of the same owner: that run's lease, not ours to drop. */
  adopted?: boolean;
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
  constructor(
    dir: string,
    ttlSeconds: number,
    owner: LeaseOwner,
    now: () => number = Date.now,
    private readonly reusable: ReadonlySet<string> = new Set(),
  ) {
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
      if (await this.create(key, text)) {
        this.leases.set(key, { port, protocol, token });
        this.reported.delete(file);
        return { acquired: true };
      }
      const entry = await readLeaseEntry(file, expected);
      last = entry;
      if (entry.kind === 'missing') continue; // released between our create and our read
      if (entry.kind === 'lease') {
        if (
          this.reusable.has(key) &&
          entry.record.expiresAt > this.now() &&
          sameLeaseOwner(entry.record.owner, this.owner)
        ) {
          this.leases.set(key, { port, protocol, token: entry.token, adopted: true });
          return { acquired: true };
        }
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
    if (held.adopted) return;
    const file = path.join(this.dir, key);
    // Removed only if the file still carries our token: after our TTL someone may have
    // reclaimed the port, and their lease is not ours to drop.
    const entry: LeaseEntry = {
      kind: 'lease',
      token: held.token,
      record: { port, protocol, owner: this.owner, createdAt: 0, expiresAt: 0 },
    };
    let removal: Removal;
    try {
      removal = await removeIfUnchanged(this.dir, key, entry, { port, protocol });
    } catch (error) {
      // Releasing is cleanup: one lease that cannot be given back must not keep the rest.
      removal = { failed: errorCode(error) ?? String(error) };
    }
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

  /** Creates the lease file; the machine running out of something is a SystemError. */
  private async create(key: string, text: string): Promise<boolean> {
    try {
      return await createExclusive(this.dir, key, text);
    } catch (error) {
      throw asSystemError(error, `creating lease file ${path.join(this.dir, key)}`);
    }
  }

  private report(file: string, message: string): void {
    this.reported.set(file, message);
  }

  private async isStale(record: LeaseRecord): Promise<boolean> {
    return record.expiresAt <= this.now() || !(await leaseOwnerAlive(record.owner));
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
  const reusable = new Set((opts.reusable ?? []).map((t) => leaseFileName(t.port, t.protocol)));
  return new LeaseRegistry(dir, opts.ttlSeconds, owner, opts.now, reusable);
}
