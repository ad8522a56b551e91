/**
 * The CLI's `--format json` document. One shape for every outcome, so a script reads `ok` first:
 *
 *     { ok, ports: {name: port}, assignments: [...], conflicts: [...],
 *       error?: { kind, message, exitCode }, errors?: [{ input, problems }] }
 *
 * `error.kind` is `conflict` or `exhausted` for a finished run that failed, and `usage`,
 * `cancelled`, `system` or `internal` for a run that stopped (see report/failure.ts);
 * `errors` lists the input errors of a `usage` failure, one entry per input.
 */
import type { AllocationResult } from '../allocate/allocate.js';
import type { Failure } from './failure.js';
import { assignmentJson, conflictJson } from './outputs.js';

export function resultJson(result: AllocationResult): string {
  const ports: Record<string, number> = {};
  if (result.ok) for (const a of result.assignments) ports[a.name] = a.port;
  const error = result.ok
    ? undefined
    : result.error
      ? { kind: 'exhausted', message: result.error, exitCode: 1 }
      : {
          kind: 'conflict',
          message: `${result.conflicts.length} requested port(s) busy`,
          exitCode: 1,
        };
  return JSON.stringify(
    {
      ok: result.ok,
      ports,
      assignments: result.assignments.map(assignmentJson),
      conflicts: result.conflicts.map(conflictJson),
      ...(error ? { error } : {}),
    },
    null,
    2,
  );
}

export function failureJson(failure: Failure): string {
  return JSON.stringify(
    {
      ok: false,
      ports: {},
      assignments: [],
      conflicts: [],
      error: { kind: failure.kind, message: failure.message, exitCode: failure.exitCode },
      ...(failure.kind === 'usage'
        ? { errors: failure.errors.map((e) => ({ input: e.input, problems: e.problems })) }
        : {}),
    },
    null,
    2,
  );
}
