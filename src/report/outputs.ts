/**
 * The GitHub output contract (names and JSON shapes), shared by the action and the CLI's
 * `--format github` / `--format env`.
 */
import type { AllocationResult, Conflict } from '../allocate/allocate.js';
import { envName } from '../spec/port-spec.js';
import { heldBy } from './messages.js';

/** The `conflicts` output: one object per requested port found busy. */
export function conflictsJson(conflicts: readonly Conflict[]): string {
  return JSON.stringify(
    conflicts.map((c) => ({
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
    })),
  );
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
  out['fallback-used'] = String(result.assignments.some((a) => a.port !== a.requested));
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
