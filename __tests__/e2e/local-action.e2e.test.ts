/**
 * `npm run local-action`: the toolkit's own local runner (@github/local-action) runs the
 * action's main and post steps from src/ with @actions/core stubbed, using the committed
 * .env.example. It only works because the action imports @actions/core by its package name;
 * through an internal path the stub would miss it and print "No outputs were set!".
 */
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

test('npm run local-action runs main and post from src/ and shows the outputs', async () => {
  const leaseDir = join(scratch, 'leases');
  const r = await npm(['run', 'local-action'], {
    cwd: ROOT,
    // .env.example sets no lease dir, so this run's own one comes from the environment.
    env: cleanEnv({ TMPDIR: scratch, 'INPUT_LEASE-DIR': leaseDir }),
  });
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
  const left = existsSync(leaseDir)
    ? readdirSync(leaseDir).filter((f) => f.endsWith('.lease'))
    : [];
  expect(left).toEqual([]);
});
