/**
 * What an allocation run hands back: one assignment per spec and every conflict found. The
 * reports, the outputs and the fronts read these; only the allocator builds them.
 */
import type { Holder } from '../holders/lookup.js';
import type { LeaseRecord } from '../lease/lease-file.js';
import type { VerdictReason } from '../probe/probe.js';
import type { Protocol, SpecProtocol } from '../spec/port-spec.js';

/** Why a requested port cannot be used as it is. */
export interface Conflict {
  name: string;
  port: number;
  protocol: Protocol;
  /** `leased`: another job on this host holds a port-guard lease on it. */
  verdict: 'in-use' | 'denied' | 'unknown' | 'leased';
  /** The address whose probe showed it, and the error code there. */
  address?: string;
  code?: string;
  reason?: VerdictReason;
  holders: Holder[];
  lease?: LeaseRecord;
}

/**
 * - `free`: the requested port, checked free.
 * - `fallback`: the requested port was busy; `port` is its replacement.
 * - `auto`: handed out from the fallback range as asked.
 * - `busy`: busy, kept anyway (`on-conflict: warn`).
 * - `conflict`: busy and not assigned (`on-conflict: fail`, or no fallback port was free).
 * - `unassigned`: the run failed, so this spec got no port (any lease was given back).
 */
export type AssignmentStatus = 'free' | 'fallback' | 'auto' | 'busy' | 'conflict' | 'unassigned';

/** Whether the assignment hands out a port (`conflict` and `unassigned` do not). */
export function isAssigned(a: Pick<Assignment, 'status'>): boolean {
  return a.status !== 'conflict' && a.status !== 'unassigned';
}

export interface Assignment {
  name: string;
  requested: number | 'auto';
  /**
   * The port to use. For `conflict` and `unassigned` no port was handed out: it is the requested
   * port (0 for `auto`), never published (see {@link isAssigned}).
   */
  port: number;
  protocol: SpecProtocol;
  status: AssignmentStatus;
  conflicts: Conflict[];
}

export interface AllocationResult {
  ok: boolean;
  assignments: Assignment[];
  /** Every requested port found busy, whatever the policy did about it. */
  conflicts: Conflict[];
  /** Set when `ok` is false for a reason other than conflicts (nothing free in the range). */
  error?: string;
}
