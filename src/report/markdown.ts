/** The job summary in Markdown. */
import { isAssigned, type AllocationResult, type Assignment } from '../allocate/allocate.js';
import { heldBy } from './messages.js';
import { CONTROL_CHARACTER } from '../holders/command-line.js';

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTER.source, 'g');

/** Escapes text for a Markdown table cell: no HTML, no cell breaks, no line breaks. */
export function markdownCell(text: string): string {
  return (
    text
      // Control characters would break the table.
      .replace(EVERY_CONTROL_CHARACTER, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/`/g, "'")
      .replace(/([\\*_[\]#!~])/g, '\\$1')
      // Last: escaping backslashes after this would turn `\|` back into a cell break.
      .replace(/\|/g, '\\|')
  );
}

const STATUS_TEXT: Record<Assignment['status'], string> = {
  free: '✅ free',
  fallback: '🔁 fallback',
  auto: '🆕 auto',
  busy: '⚠️ busy (kept)',
  conflict: '❌ conflict',
  unassigned: '⏹️ not assigned (the run failed)',
};

/** The job summary: one table of name, requested, assigned, protocol, status, held by. */
export function summaryMarkdown(result: AllocationResult): string {
  const rows = result.assignments.map((a) => {
    const assigned = isAssigned(a) ? String(a.port) : '—';
    const holder = a.conflicts.length > 0 ? a.conflicts.map(heldBy).join('; ') : '';
    return `| ${markdownCell(a.name)} | ${a.requested} | ${assigned} | ${a.protocol} | ${STATUS_TEXT[a.status]} | ${markdownCell(holder)} |`;
  });
  const lines = [
    '### port-guard',
    '',
    '| name | requested | assigned | protocol | status | held by |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
  if (result.error) lines.push('', `**Error:** ${markdownCell(result.error)}`);
  return `${lines.join('\n')}\n`;
}
