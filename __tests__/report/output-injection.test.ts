/* eslint-disable no-control-regex -- this file checks exactly that control characters do not pass */
/**
 * What a process on the host controls — its command line, its user name, a lease file's owner
 * fields — cannot break the job summary's table or inject a workflow command, whichever way it
 * leaves port-guard: annotations (through @actions/core's command escaping), step outputs
 * (through its file-command heredoc), the summary (markdownCell), and the CLI's text (printable).
 */
import { jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerIO as io } from '../../src/action/runner-io.js';
import type { AllocationResult, Conflict } from '../../src/allocate/allocate.js';
import { annotationsFor, conflictMessage, printable } from '../../src/report/messages.js';
import { conflictsJson } from '../../src/report/outputs.js';
import { markdownCell, summaryMarkdown } from '../../src/report/markdown.js';
import { textTable } from '../../src/report/text-table.js';
import { scratchDir } from '../support/run-built.js';
import { parseFileCommands } from '../support/file-commands.js';
import { parseWorkflowCommand } from '../support/workflow-command.js';

const EVIL = [
  'node server.js',
  '::set-output name=x::y',
  '::add-mask::secret',
  '::stop-commands::token',
  '| a | b | <script>alert(1)</script> `rm -rf /` [x](http://example.invalid) *bold* \\',
  '\r::error::forged\u2028::warning::forged\u0085::notice::forged\u0000end',
].join('\n');

const holder = {
  protocol: 'tcp' as const,
  port: 3000,
  addresses: ['0.0.0.0'],
  state: 'listen',
  pid: 4242,
  command: 'node\n::set-output name=c::d',
  commandLine: EVIL,
  user: 'mallory\n::add-mask::x',
};
const inUse: Conflict = {
  name: 'web',
  port: 3000,
  protocol: 'tcp',
  verdict: 'in-use',
  address: '::',
  code: 'EADDRINUSE',
  holders: [holder],
};
const leased: Conflict = {
  name: 'api',
  port: 3001,
  protocol: 'tcp',
  verdict: 'leased',
  holders: [],
  lease: {
    port: 3001,
    protocol: 'tcp',
    owner: { pid: 1, repository: 'o/r\n::set-output name=z::1', job: '|x|\n' },
    createdAt: 0,
    expiresAt: 1,
  },
};
const assignment = (c: Conflict) => ({
  name: c.name,
  requested: c.port,
  port: c.port,
  protocol: c.protocol,
  status: 'conflict' as const,
  conflicts: [c],
});
const result: AllocationResult = {
  ok: false,
  assignments: [assignment(inUse), assignment(leased)],
  conflicts: [inUse, leased],
};

/**
 * Pipes that delimit cells, scanned as GitHub's table parser does (cmark-gfm: a backslash
 * escapes the next character, whatever it is, so `\\|` is an escaped backslash and a delimiter).
 */
function cellDelimiters(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') n++;
  }
  return n;
}

test('a pipe in a cell stays in its cell, whatever backslashes come before it', () => {
  for (const text of ['a|b', 'a\\|b', 'a\\\\|b', '|', '\\'])
    expect(cellDelimiters(`| ${markdownCell(text)} |`)).toBe(2);
});

/** Every line the runner would read as a workflow command. */
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l));

test('printable leaves no line break of any kind and keeps the text readable', () => {
  const out = printable(EVIL);
  expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(out).toContain('\\x0a::set-output name=x::y');
  expect(out).toContain('\\u2028::warning::forged');
});

test('the summary stays one table: one line per row, six cells each, no HTML, no code', () => {
  const md = summaryMarkdown(result);
  const lines = md.trimEnd().split('\n');
  expect(lines).toHaveLength(4 + result.assignments.length);
  for (const row of lines.slice(2)) expect(cellDelimiters(row)).toBe(7);
  expect(md).not.toMatch(/<script|`|\r|\u2028|\u0085|\u0000/);
  // A link needs an unescaped `[`; emphasis an unescaped `*`.
  expect(md.split('\n').slice(2).join('\n')).not.toMatch(/(?<!\\)[[*]/);
  expect(commandLines(md)).toEqual([]);
});

test('annotations issued by the action are one workflow command each, carrying the text intact', () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  const notes = annotationsFor(result);
  try {
    for (const n of notes) io.annotate(n.level, n.message, 'port-guard: conflict');
  } finally {
    spy.mockRestore();
  }
  const lines = written.join('').split(/\r?\n/).filter(Boolean);
  expect(lines).toHaveLength(notes.length);
  const commands = lines.map(parseWorkflowCommand);
  expect(commands.map((c) => c.command)).toEqual(notes.map((n) => n.level));
  expect(commands.map((c) => c.message)).toEqual(notes.map((n) => n.message));
  for (const c of commands) expect(c.properties).toEqual({ title: 'port-guard: conflict' });
});

test('the conflicts output survives the GITHUB_OUTPUT heredoc whole, and sets nothing else', () => {
  const dir = scratchDir('pg-inject-');
  const file = join(dir, 'output');
  writeFileSync(file, '');
  const before = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = file;
  try {
    io.setOutput('conflicts', conflictsJson(result.conflicts));
  } finally {
    if (before === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = before;
  }
  // As the runner reads it: an injected line would show up as an output of its own.
  const outputs = parseFileCommands(readFileSync(file, 'utf8'));
  expect(Object.keys(outputs)).toEqual(['conflicts']);
  const parsed = JSON.parse(outputs.conflicts);
  expect(parsed[0].holder.command).toBe(holder.command);
  expect(parsed[0].holders[0].commandLine).toBe(EVIL);
});

test('the CLI text (stderr messages, the table) has no line a runner would read as a command', () => {
  const text = [...result.conflicts.map(conflictMessage), textTable(result)].join('\n');
  expect(text.split('\n')).toHaveLength(result.conflicts.length + 1 + result.assignments.length);
  expect(commandLines(text)).toEqual([]);
  expect(text).not.toMatch(/[\r\u2028\u2029\u0085\u0000]/);
});

test('Windows system tools are run by absolute path, never looked up in the workspace', async () => {
  const { windowsSystemTool } = await import('../../src/system/find-tool.js');
  expect(windowsSystemTool('netsh', { SystemRoot: 'C:\\WINDOWS' })).toBe(
    'C:\\WINDOWS\\System32\\netsh.exe',
  );
  expect(windowsSystemTool('netsh', {})).toBe('C:\\Windows\\System32\\netsh.exe');
});
