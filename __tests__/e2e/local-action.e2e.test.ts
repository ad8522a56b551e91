/**
 * `npm run local-action`: the toolkit's own local runner (@github/local-action) runs the
 * action's main and post steps from src/ with @actions/core stubbed, using the committed
 * .env.example. It only works because the action imports @actions/core by its package name;
 * through an internal path the stub would miss it and print "No outputs were set!".
 */
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/run-built.js';
import { cleanEnv, npm } from '../support/npm.js';

jest.setTimeout(180_000);

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pg-local-action-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCRIPT = 'local-action . src/action/main.ts .env.example --post src/action/post.ts';

test('npm run local-action runs main and post from src/ and shows the outputs', async () => {
  const leaseDir = join(scratch, 'leases');
  // `npm run local-action` is this command with .env.example. local-action takes the inputs
  // from its env file (an INPUT_ variable of the environment does not reach the action), and
  // .env.example leaves the lease dir at the host-wide default, which a test never touches: so
  // the test runs the same command with a copy of .env.example that names this run's lease dir.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(manifest.scripts['local-action']).toBe(SCRIPT);
  const envFile = join(scratch, 'env');
  writeFileSync(
    envFile,
    `${readFileSync(join(ROOT, '.env.example'), 'utf8')}\nINPUT_LEASE-DIR=${leaseDir}\n`,
  );
  const r = await npm(
    ['exec', '--offline', '--', ...SCRIPT.replace('.env.example', envFile).split(' ')],
    {
      cwd: ROOT,
      env: cleanEnv({ TMPDIR: scratch }),
    },
  );
  expect([r.code, r.stderr.trim().split('\n').slice(-5)]).toEqual([0, expect.anything()]);
  const out = r.stdout;
  expect(out).toContain('Running Action');
  expect(out).toContain('Running Post Step');
  expect(out).not.toContain('No outputs were set!');
  // The outputs table local-action prints at the end, one row per output.
  const table = out.slice(out.lastIndexOf('Action Outputs'));
  const row = (name: string) => new RegExp(`│ '${name}'\\s*│ '([^']*)'`).exec(table)?.[1];
  const specs = /^INPUT_PORTS="(.*)"$/m.exec(readFileSync(join(ROOT, '.env.example'), 'utf8'))![1];
  const names = specs.split(/[,\s]+/).map((s) => s.split('=')[0]);
  const ports: Record<string, number> = {};
  for (const name of names) {
    expect(row(name)).toMatch(/^\d+$/);
    ports[name] = Number(row(name));
  }
  expect(JSON.parse(row('ports')!)).toEqual(ports);
  expect(row('conflicts')).toBe('[]');
  // The post step gave back every lease the main step took.
  expect(out).toMatch(/released \d+ lease\(s\)/);
  // ... in this run's own lease dir, which the main step created.
  expect(existsSync(leaseDir)).toBe(true);
  expect(readdirSync(leaseDir).filter((f) => f.endsWith('.lease'))).toEqual([]);
});
