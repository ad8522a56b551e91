// Markdown tables for the terminal and for bench/RESULTS.md.
import { formatMs, formatRatio } from './stats.js';

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * One speed table. `rows` come from interleave(); `correct(name)` says whether that
 * contender answered the correctness table right. Ratios are against the fastest correct
 * contender and against the floor.
 */
export function speedTable(title, rows, { correct, floorName = 'floor', iterations, extra }) {
  const ok = (r) => correct(r.name) && r.problems.length === 0;
  const fastest = Math.min(...rows.filter(ok).map((r) => r.median));
  const floorRow = rows.find((r) => r.name === floorName);
  const body = rows.map((r) => {
    const mark = ok(r) ? '✓' : `✗ ${explain(r, correct)}`;
    return [
      r.name,
      mark,
      formatMs(r.median),
      `${formatMs(r.p10)}–${formatMs(r.p90)}`,
      ok(r) ? formatRatio(r.median / fastest) : `(${formatRatio(r.median / fastest)})`,
      floorRow ? formatRatio(r.median / floorRow.median) : '—',
      formatMs(r.cpu.median),
      floorRow ? formatRatio(r.cpu.median / floorRow.cpu.median) : '—',
      ...(extra ? [extra(r)] : []),
    ];
  });
  const header = [
    'contender',
    'right?',
    'median ms',
    'p10–p90 ms',
    '× fastest right',
    '× floor',
    'CPU ms',
    'CPU × floor',
  ];
  if (extra) header.push(extra.header);
  return `### ${title}\n\n${iterations} timed rounds after warm-up, interleaved.\n\n${table(header, body)}\n`;
}

function explain(r, correct) {
  const parts = [];
  if (!correct(r.name)) parts.push('fails correctness table');
  if (r.problems.length) {
    const uniq = [...new Set(r.problems)];
    parts.push(`${r.problems.length} wrong: ${uniq.slice(0, 2).join('; ')}`);
  }
  return parts.join(', ');
}

/** The correctness table: one row per holder, one column per contender. */
export function correctnessTable(rows, names) {
  const header = ['holder (other process)', 'asked', 'right answer', ...names];
  const body = rows.map((r) => [
    r.holder,
    r.asked,
    r.expected,
    ...names.map((n) => {
      const got = r.answers[n];
      if (got === undefined) return 'n/a';
      if (typeof got === 'string' && got !== 'busy' && got !== 'free') return got;
      return got === r.expected ? `${got} ✓` : `**${got} ✗**`;
    }),
  ]);
  return table(header, body);
}

export { table };
