/**
 * One vocabulary for three fronts: every input of action.yml is an option of the library
 * (its name in camelCase) or deliberately not one, and the README's library table lists exactly
 * the library's options, with the inputs' defaults.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { INPUTS_NOT_MIRRORED, OPTION_INPUTS, OWN_OPTIONS } from '../../src/lib/options.js';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const readme = readFileSync('README.md', 'utf8');
const camel = (input: string) => input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The cells of the rows of the first Markdown table under `## heading`. */
function tableUnder(heading: string): string[][] {
  const section = readme.split(`\n## ${heading}\n`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

test('every input of action.yml is a library option or deliberately not one', () => {
  const mirrored = Object.values(OPTION_INPUTS) as string[];
  for (const input of Object.keys(action.inputs)) {
    const where = [mirrored.includes(input), input in INPUTS_NOT_MIRRORED];
    expect([input, where]).toEqual([input, expect.arrayContaining([true, false])]);
  }
  // Nothing mirrored or excused that action.yml does not have.
  for (const input of [...mirrored, ...Object.keys(INPUTS_NOT_MIRRORED)])
    if (!['run', 'ready-timeout', 'ready-http', 'shell'].includes(input))
      expect(Object.keys(action.inputs)).toContain(input);
});

test("each option is its input's name in camelCase", () => {
  for (const [option, input] of Object.entries(OPTION_INPUTS))
    expect([input, option]).toEqual([input, camel(input)]);
});

test("the README's library table lists the options in order, with the inputs' defaults", () => {
  const rows = tableUnder('Library');
  const options = [...Object.keys(OPTION_INPUTS), ...OWN_OPTIONS];
  expect(rows.map((r) => r[0].replace(/`/g, ''))).toEqual(options);
  for (const [option, input, shown] of rows) {
    const name = option.replace(/`/g, '');
    const mirrored = OPTION_INPUTS[name as keyof typeof OPTION_INPUTS];
    if (!mirrored) {
      expect([name, input]).toEqual([name, '—']);
      continue;
    }
    expect([name, input]).toEqual([name, `\`${mirrored}\``]);
    const fallback = action.inputs[mirrored].default ?? '';
    if (fallback === '') expect([name, shown]).toEqual([name, expect.stringMatching(/^\(empty/)]);
    else expect([name, shown]).toEqual([name, `\`${fallback}\``]);
  }
});
