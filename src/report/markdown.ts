/** The job summary in Markdown. */
import type { AllocationResult, Assignment } from '../allocate/allocate.js';
import { heldBy } from './messages.js';

/** Escapes text for a Markdown table cell: no HTML, no cell breaks, no line breaks. */
export function markdownCell(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters would break the table
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
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
};

/** The job summary: one table of name, requested, assigned, protocol, status, held by. */
export function summaryMarkdown(result: AllocationResult): string {
  const rows = result.assignments.map((a) => {
    const assigned = a.status === 'conflict' ? '—' : String(a.port);
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
