/**
 * What the committed bundles are made of: the CLI carries no runner protocol unless asked for
 * `--format github`, the library depends on nothing but Node, and every bundle's source map
 * leads a stack back to src/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/run-built.js';
import { sourceMappedStack } from '../../src/system/source-stack.js';

const dist = (file: string) => join(ROOT, 'dist', file);
const read = (file: string) => readFileSync(dist(file), 'utf8');
/** A string only @actions/core's code contains (its OIDC client). */
const CORE_MARKER = 'ACTIONS_ID_TOKEN_REQUEST_URL';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pg-bundles-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the CLI loads the runner protocol (@actions/core) only for --format github', () => {
  expect(read('cli/index.js')).not.toContain(CORE_MARKER);
  const chunks = readdirSync(dist('cli')).filter((f) => /^\d+\.index\.js$/.test(f));
  const withCore = chunks.filter((f) => read(`cli/${f}`).includes(CORE_MARKER));
  expect(withCore).toHaveLength(1);
  // Without that chunk the CLI still checks ports: it never loads it for other formats.
  const copy = join(scratch, 'cli');
  cpSync(dist('cli'), copy, { recursive: true });
  rmSync(join(copy, withCore[0]));
  const out = execFileSync(
    process.execPath,
    [join(copy, 'index.js'), '--lease-dir', join(scratch, 'leases'), '--format', 'env', 'web=auto'],
    { encoding: 'utf8', env: { PATH: process.env.PATH, TMPDIR: scratch } },
  );
  expect(out).toMatch(/^WEB=\d+\n$/);
});

test('the library bundle imports nothing but Node built-ins and its own chunks', () => {
  const files = readdirSync(dist('lib')).filter((f) => f.endsWith('.js'));
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  for (const file of files) {
    // Comments (the TSDoc kept in the bundle) may quote an import; only code counts.
    const text = read(`lib/${file}`)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [
      ...text.matchAll(/\bfrom\s*["']([^"']+)["']/g),
      ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ...text.matchAll(/\brequire\)?\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]);
    const foreign = specifiers.filter((s) => !builtins.has(s) && !s.startsWith('./'));
    expect([file, foreign]).toEqual([file, []]);
  }
});

test.each([
  ['index.js', 'parseConfig', 'src/spec/config.ts'],
  ['cli/index.js', 'parseCliArgs', 'src/cli/options.ts'],
  ['lib/index.js', 'parseConfig', 'src/spec/config.ts'],
])('dist/%s maps %s back to %s', (bundle, fn, source) => {
  // The function is in the bundle or in one of its chunks (`<n>.index.js` beside it).
  const dir = join(dist(bundle), '..');
  const file = [bundle, ...readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f))]
    .map((f) => join(dir, f.split('/').pop()!))
    .find((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .some((l) => l.startsWith(`function ${fn}(`)),
    )!;
  expect(file).toBeDefined();
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith(`function ${fn}(`));
  const map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const entry = map.findEntry(line, 0) as { originalSource?: string; originalLine?: number };
  // The source named relative to the map resolves to the real file in src/.
  expect(resolve(dir, entry.originalSource!)).toBe(join(ROOT, source));
  const original = readFileSync(join(ROOT, source), 'utf8').split('\n');
  expect(original[entry.originalLine!]).toContain(`function ${fn}(`);
});

test('no bundle loads a source-map register at start-up; a failure maps its own stack to src/', () => {
  for (const bundle of ['index.js', 'cli/index.js', 'lib/index.js'])
    expect([bundle, read(bundle).includes('sourcemap-register')]).toEqual([bundle, false]);
  // A stack from inside a bundle (the library's InputErrors, made in src/lib/options.ts) ...
  const stack = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { guardPorts } from ${JSON.stringify(dist('lib/index.js'))};
       await guardPorts('web=x').catch((e) => console.log(e.stack));`,
    ],
    { encoding: 'utf8' },
  );
  expect(stack).toMatch(/dist\/lib\/index\.js:\d+:\d+/);
  // ... as the action and the CLI print it after an unexpected failure.
  const mapped = sourceMappedStack(stack);
  const frame = /(\/[^\s():]+\/src\/lib\/options\.ts):(\d+):\d+/.exec(mapped);
  expect(frame).not.toBeNull();
  const line = readFileSync(frame![1], 'utf8').split('\n')[Number(frame![2]) - 1];
  expect(line).toMatch(/InputErrors?\(/);
  // The same stack under node --enable-source-maps names the same sources.
  const native = execFileSync(
    process.execPath,
    [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      `import { guardPorts } from ${JSON.stringify(dist('lib/index.js'))};
       await guardPorts('web=x').catch((e) => console.log(e.stack));`,
    ],
    { encoding: 'utf8' },
  );
  expect(native).toMatch(/src\/lib\/options\.ts:\d+/);
});
