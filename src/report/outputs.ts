/**
 * The GitHub output contract (names and JSON shapes), shared by the action and the CLI's
 * `--format github` / `--format env`.
 */
import {
  isAssigned,
  type AllocationResult,
  type Assignment,
  type Conflict,
} from '../allocate/allocate.js';
import { envName } from '../spec/env-name.js';
import { heldBy } from './messages.js';

/**
 * One conflict as JSON: the one schema for the `conflicts` output, the CLI's top-level
 * `conflicts` and every `assignments[].conflicts`.
 */
export function conflictJson(c: Conflict) {
  return {
    name: c.name,
    port: c.port,
    protocol: c.protocol,
    status: c.verdict,
    address: c.address ?? null,
    code: c.code ?? null,
    holder: c.holders[0]
      ? {
          pid: c.holders[0].pid ?? null,
          command: c.holders[0].command ?? null,
          user: c.holders[0].user ?? c.holders[0].uid ?? null,
        }
      : null,
    holders: c.holders,
    heldBy: heldBy(c),
    ...(c.lease ? { lease: c.lease.owner } : {}),
  };
}

/** The `conflicts` output: one object per requested port found busy. */
export function conflictsJson(conflicts: readonly Conflict[]): string {
  return JSON.stringify(conflicts.map(conflictJson));
}

/**
 * One assignment as JSON (the CLI's `assignments[]`): `port` is null when no port was handed
 * out (`conflict`, `unassigned`), and its conflicts use {@link conflictJson}.
 */
export function assignmentJson(a: Assignment) {
  return {
    name: a.name,
    requested: a.requested,
    port: isAssigned(a) ? a.port : null,
    protocol: a.protocol,
    status: a.status,
    conflicts: a.conflicts.map(conflictJson),
  };
}

/** Every output of a successful run, by output name, in spec order. */
export function portOutputs(result: AllocationResult): Record<string, string> {
  const out: Record<string, string> = {};
  const ports: Record<string, number> = {};
  for (const a of result.assignments) {
    out[a.name] = String(a.port);
    ports[a.name] = a.port;
  }
  out.port = String(result.assignments[0]?.port ?? '');
  out.ports = JSON.stringify(ports);
  out.conflicts = conflictsJson(result.conflicts);
  // Only a requested port replaced by another is a fallback; an `auto` port is what was asked.
  out['fallback-used'] = String(result.assignments.some((a) => a.status === 'fallback'));
  return out;
}

/**
 * The outputs a finished run writes: every output when it succeeded; when it failed, only
 * `conflicts` (and only if there were any), for `if: failure()` steps.
 */
export function publishedOutputs(result: AllocationResult): Record<string, string> {
  if (result.ok) return portOutputs(result);
  return result.conflicts.length > 0 ? { conflicts: conflictsJson(result.conflicts) } : {};
}

/** `NAME=PORT` pairs for `export-env` and `--format env`. */
export function envPairs(result: AllocationResult): Array<[string, string]> {
  return result.assignments.map((a) => [envName(a.name), String(a.port)]);
}
