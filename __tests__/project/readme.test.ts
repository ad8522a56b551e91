import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
const readme = readFileSync('README.md', 'utf8');

/** The rows of the Markdown table under a `## heading`: first cell and second cell. */
function tableUnder(heading: string): Array<[string, string]> {
  const section = readme.split(`\n## ${heading}\n`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      return [cells[1].replace(/`/g, ''), cells[2]];
    });
}

test("the README's inputs table lists action.yml's inputs, in order, with their defaults", () => {
  const rows = tableUnder('Inputs');
  expect(rows.map(([name]) => name)).toEqual(Object.keys(action.inputs));
  for (const [name, shown] of rows) {
    const spec = action.inputs[name];
    if (spec.required) expect([name, shown]).toEqual([name, '(required)']);
    else if (spec.default === '')
      expect([name, shown]).toEqual([name, expect.stringMatching(/^\(empty/)]);
    else expect([name, shown]).toEqual([name, `\`${spec.default}\``]);
  }
});

test("the README's outputs table lists action.yml's outputs, plus one output per spec name", () => {
  const names = tableUnder('Outputs').map(([name]) => name);
  expect(names).toEqual(['<name>', ...Object.keys(action.outputs)]);
});

test('the first screen gives the command that runs the tool and the test command', () => {
  const firstScreen = readme.split('\n').slice(0, 20).join('\n');
  expect(firstScreen).toContain('node dist/cli/index.js 3000 web=auto');
  expect(firstScreen).toContain('npm ci && npm test');
  expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test /m);
});
