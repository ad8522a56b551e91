/**
 * The npm package as users get it: `npm pack`, then installed from the tarball into an empty
 * project, offline and without dev dependencies. It must install nothing but itself, and its
 * CLI, its library and its type declarations must work from there.
 */
import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../../src/cli/usage.js';
import { ROOT } from '../support/run-built.js';
import { cleanEnv, npm, NPX_CLI, packageBin, packInto, runNode } from '../support/npm.js';

jest.setTimeout(300_000);

let scratch: string;
let project: string;
let leaseDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pg-package-'));
  project = join(scratch, 'consumer');
  leaseDir = join(scratch, 'leases');
  const tmp = join(scratch, 'tmp');
  mkdirSync(project);
  mkdirSync(tmp);
  env = cleanEnv({ TMPDIR: tmp });
  const tarball = await packInto(scratch);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, type: 'module' }),
  );
  const r = await npm(['install', '--offline', '--omit=dev', tarball], { cwd: project, env });
  if (r.code !== 0) throw new Error(`npm install of the tarball failed: ${r.stderr}`);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds dist/, the action.yml files, README, LICENSE, SECURITY.md and nothing else', async () => {
  const r = await npm(['pack', '--dry-run', '--json'], { cwd: ROOT, env });
  expect(r.code).toBe(0);
  const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map(
    (f) => f.path,
  );
  const allowed =
    /^(dist\/.+|action\.yml|wait\/action\.yml|wait\/dist\/.+|README\.md|LICENSE|SECURITY\.md|package\.json)$/;
  expect(files.filter((f) => !allowed.test(f))).toEqual([]);
  for (const needed of [
    'dist/index.js',
    'dist/cli/index.js',
    'dist/lib/index.js',
    'dist/lib/types/lib.d.ts',
    'dist/licenses.txt',
    'wait/action.yml',
    'wait/dist/index.js',
    'action.yml',
    'LICENSE',
    'SECURITY.md',
    'README.md',
  ])
    expect(files).toContain(needed);
  // Declarations only under dist/lib/types; no TypeScript sources.
  expect(
    files.filter((f) => f.endsWith('.ts') && !/^dist\/lib\/types\/.+\.d\.ts$/.test(f)),
  ).toEqual([]);
});

test('the manifest: not private, no runtime dependency, exports, bin and types', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(manifest.private).toBeUndefined();
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(Object.keys(manifest.devDependencies)).toEqual(
    expect.arrayContaining(['@actions/core', '@actions/github']),
  );
  expect(manifest.bin).toEqual({ 'port-guard': 'dist/cli/index.js' });
  expect(manifest.exports['.']).toEqual({
    types: './dist/lib/types/lib.d.ts',
    default: './dist/lib/index.js',
  });
  expect(manifest.types).toBe('./dist/lib/types/lib.d.ts');
  expect(manifest.version).toBe(VERSION);
});

test('installing the tarball with --omit=dev installs nothing but port-guard', () => {
  const installed = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
  expect(installed).toEqual(['port-guard']);
  expect(readdirSync(join(project, 'node_modules', 'port-guard'))).not.toContain('node_modules');
});

test('npx port-guard --version and a real check work from the installed package', async () => {
  const version = await runNode(NPX_CLI, ['--offline', 'port-guard', '--version'], {
    cwd: project,
    env,
  });
  expect(version.stderr).toBe('');
  expect(version.stdout.trim()).toBe(VERSION);
  const check = await runNode(
    NPX_CLI,
    [
      '--offline',
      'port-guard',
      '--lease-dir',
      leaseDir,
      '--format',
      'json',
      'web=auto',
      'dns=auto/udp',
    ],
    { cwd: project, env },
  );
  expect(check.code).toBe(0);
  const body = JSON.parse(check.stdout);
  expect(body.ok).toBe(true);
  expect(Object.keys(body.ports)).toEqual(['web', 'dns']);
});

test("import('port-guard') gives the library; a process that took a port exits by itself", async () => {
  const script = join(project, 'take-port.mjs');
  writeFileSync(
    script,
    `import { getPort, guardPorts, InputErrors } from 'port-guard';
const port = await getPort({ leaseDir: process.argv[2] });
const bad = await guardPorts('web=x', { leaseDir: process.argv[2] }).catch((e) => e);
console.log(JSON.stringify({ port, inputErrors: bad instanceof InputErrors }));
// Nothing more: no release, no exit(). Nothing may keep this process alive.
`,
  );
  const r = await runNode(script, [leaseDir], { cwd: project, env, timeoutMs: 20_000 });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.inputErrors).toBe(true);
  expect(Number.isInteger(out.port)).toBe(true);
  // Its lease followed it: the process is gone, so the port is free for the next taker.
  const again = await runNode(
    NPX_CLI,
    ['--offline', 'port-guard', '--lease-dir', leaseDir, '--format', 'env', `p=${out.port}`],
    { cwd: project, env },
  );
  expect(again.stdout).toBe(`P=${out.port}\n`);
});

test('the type declarations type-check a consumer and refuse a wrong option', async () => {
  const file = join(project, 'consumer.ts');
  writeFileSync(
    file,
    `import { getPort, guardPorts, releasePorts, waitForPorts, whoHolds, InputErrors, type GuardPortsResult } from 'port-guard';
const ready: Promise<{ ports: unknown[] }> = waitForPorts([3000], { timeout: 1 });
const run: GuardPortsResult = await guardPorts(['web=3000', 5432], { onConflict: 'fallback', leaseTtl: 60 });
const port: number = await getPort({ port: 3000 });
const released: Array<{ port: number; protocol: 'tcp' | 'udp' }> = await releasePorts([port]);
const holders = await whoHolds(['5353/udp']);
const errors: string[] = new InputErrors([]).errors.map((e) => e.input);
// @ts-expect-error: not one of 'fail' | 'fallback' | 'warn'
await guardPorts('web=3000', { onConflict: 'explode' });
console.log(run.ports.web, released, holders[0]?.description, errors, ready);
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: [],
        skipLibCheck: false,
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = packageBin('typescript', 'tsc');
  const r = await runNode(tsc, ['-p', project, '--types', 'node'], { cwd: project, env });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.code).toBe(0);
});
