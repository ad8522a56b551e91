/** The CLI's plain-text result table. */
import type { AllocationResult } from '../allocate/allocate.js';
import { heldBy } from './messages.js';

/** A plain text table for the CLI. */
export function textTable(result: AllocationResult): string {
  const head = ['NAME', 'REQUESTED', 'ASSIGNED', 'PROTOCOL', 'STATUS', 'HELD BY'];
  const rows = result.assignments.map((a) => [
    a.name,
    String(a.requested),
    a.status === 'conflict' ? '-' : String(a.port),
    a.protocol,
    a.status,
    a.conflicts.map(heldBy).join('; '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
