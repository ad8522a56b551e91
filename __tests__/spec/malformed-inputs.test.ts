/**
 * Every malformed input of the table, through the built action exactly as the runner runs it
 * and through the built CLI: the right exit code, one message per problem naming its input, no
 * outputs, no leases, no temp files, and no socket opened at all (traced with strace where it
 * can run: for bad input the engine must not touch the network).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MALFORMED_INPUTS, type MalformedCase } from '../fixtures/malformed-inputs.js';
import { parseWorkflowCommand } from '../support/workflow-command.js';
import { runAction, runCli, scratchDir, straceAvailable } from '../support/run-built.js';
import { testNeeds } from '../support/needs.js';

if (!straceAvailable)
  console.warn('strace cannot run here: the "no socket opened" check of each case is skipped');

function label(c: MalformedCase): string {
  const text = Object.entries(c.inputs)
    .map(
      ([k, v]) => `${k}=${JSON.stringify(v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v)}`,
    )
    .join(' ');
  return c.todo ? `${text} [todo: ${c.todo}]` : text;
}

function prepare(c: MalformedCase): {
  dir: string;
  leaseDir: string;
  inputs: Record<string, string>;
} {
  const dir = scratchDir();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a directory\n');
  const openDir = join(dir, 'open-dir');
  mkdirSync(openDir);
  chmodSync(openDir, 0o777);
  const link = join(dir, 'link-to-dir');
  symlinkSync(openDir, link);
  const leaseDir = join(dir, 'leases');
  const inputs: Record<string, string> = { ports: 'web=3000', 'lease-dir': leaseDir };
  for (const [k, v] of Object.entries(c.inputs))
    inputs[k] = v.replace('{file}', file).replace('{openDir}', openDir).replace('{link}', link);
  return { dir, leaseDir: inputs['lease-dir'], inputs };
}

/** `input` as a word of its own: `lease` must not match inside `lease-ttl`. */
function names(line: string, input: string): boolean {
  const escaped = input.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}([^\\w-]|$)`).test(line);
}

/** Pairs every expected problem with its own line; returns what is missing or extra. */
function unmatched(lines: string[], c: MalformedCase): string[] {
  const left = [...lines];
  const missing: string[] = [];
  for (const [input, substring] of c.problems) {
    const i = left.findIndex((l) => l.includes(substring) && names(l, input));
    if (i < 0) missing.push(`no line naming ${input} with ${JSON.stringify(substring)}`);
    else left.splice(i, 1);
  }
  return [...missing, ...left.map((l) => `extra line: ${l}`)];
}

function leaseFiles(leaseDir: string): string[] {
  try {
    return readdirSync(leaseDir);
  } catch {
    return [];
  }
}

function expectNothingLeftBehind(r: { tmp: string; inetSockets?: string[] }, leaseDir: string) {
  expect(leaseFiles(leaseDir)).toEqual([]);
  expect(readdirSync(r.tmp)).toEqual([]);
  if (r.inetSockets) expect(r.inetSockets).toEqual([]);
}

describe.each(MALFORMED_INPUTS.map((c) => [label(c), c] as const))('%s', (_name, c) => {
  const caseTest = c.todo ? test.failing : test;
  const cliTest = c.actionOnly ? test.skip : caseTest;

  caseTest(
    'action: exit 1, one ::error per problem naming its input, nothing written',
    async () => {
      const { dir, leaseDir, inputs } = prepare(c);
      const r = await runAction(inputs, { trace: true, dir });
      expect(r.stderr).toBe('');
      const errors = r.stdout
        .split(/\r?\n/)
        .filter((l) => l.startsWith('::error'))
        .map(parseWorkflowCommand);
      for (const e of errors) expect(e.properties.title).toMatch(/^port-guard: input [a-z-]+$/);
      // The title names the input the runner shows; the message names it for the log.
      expect(
        unmatched(
          errors.map((e) => `${e.properties.title} ${e.message}`),
          c,
        ),
      ).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.files.output).toBe('');
      expect(r.files.env).toBe('');
      expect(r.summary).toBe('');
      if (!c.todo) expect(existsSync(join(dir, 'leases'))).toBe(false);
      expectNothingLeftBehind(r, leaseDir);
    },
  );

  cliTest(
    'cli: exit 2, one port-guard: line per problem naming its input, stdout empty',
    async () => {
      const { dir, leaseDir, inputs } = prepare(c);
      const { ports, ...options } = inputs;
      const args = [...Object.entries(options).map(([k, v]) => `--${k}=${v}`), '--', ports];
      const r = await runCli(args, { trace: true, dir });
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      for (const l of lines) expect(l).toMatch(/^port-guard: /);
      expect(unmatched(lines, c)).toEqual([]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expectNothingLeftBehind(r, leaseDir);
    },
  );
});

test('the table has at least 40 cases and covers every input of action.yml', async () => {
  const { actionInputDefaults } = await import('../support/run-built.js');
  expect(MALFORMED_INPUTS.length).toBeGreaterThanOrEqual(40);
  const covered = new Set(MALFORMED_INPUTS.flatMap((c) => c.problems.map(([input]) => input)));
  // `run` is the user's own command: any text is one, for the user's shell to judge.
  const freeText = ['run'];
  expect(
    Object.keys(actionInputDefaults()).filter((i) => !covered.has(i) && !freeText.includes(i)),
  ).toEqual([]);
});

testNeeds('strace')(
  'control: a valid run under strace does show its sockets (the no-socket check can fail)',
  async () => {
    const dir = scratchDir();
    const r = await runAction(
      { ports: 'web=auto', 'fallback-range': '61000-61100', 'lease-dir': join(dir, 'leases') },
      { trace: true, dir },
    );
    expect(r.code).toBe(0);
    expect(r.inetSockets!.length).toBeGreaterThan(0);
  },
);

test('cli: an option value that looks like an option is one port-guard: line, exit 2', async () => {
  const r = await runCli(['--wait', '-1', '3000']);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^port-guard: .*'--wait'.*--wait=-XYZ/);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
});
