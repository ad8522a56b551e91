/** The CLI's plain-text tables: the renderer, and the result table of a check. */
import { isAssigned, type AllocationResult } from '../allocate/allocate.js';
import { heldBy } from './messages.js';

/** The width a cell takes on a terminal, counted in code points (`→`, `…` are one each). */
const width = (cell: string): number => Array.from(cell).length;

/**
 * Rows of cells (the first row the header) as plain text: every column but the last padded to
 * its widest cell, two spaces between columns, no trailing spaces.
 */
export function renderTextTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...rows.map((r) => width(r[i] ?? ''))),
  );
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A plain text table for the CLI. */
export function textTable(result: AllocationResult): string {
  const head = ['NAME', 'REQUESTED', 'ASSIGNED', 'PROTOCOL', 'STATUS', 'HELD BY'];
  const rows = result.assignments.map((a) => [
    a.name,
    String(a.requested),
    isAssigned(a) ? String(a.port) : '-',
    a.protocol,
    a.status === 'unassigned' ? 'not assigned' : a.status,
    a.conflicts.map(heldBy).join('; '),
  ]);
  return renderTextTable([head, ...rows]);
}
