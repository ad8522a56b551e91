/**
 * The test-runner recipes in examples/, run for real: each is copied, gets the packed
 * port-guard tarball and its runner from the npm registry, and then two copies of its suite are
 * started at the same moment on this host, sharing one lease dir. Both must pass, and the
 * ports one copy's workers used must be disjoint from the other's.
 */
import { jest } from '@jest/globals';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/run-built.js';
import { cleanEnv, npm, packInto, type Ran } from '../support/npm.js';

jest.setTimeout(600_000);

let scratch: string;
let tarball: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pg-examples-'));
  tarball = await packInto(scratch);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** How many ports each copy's workers must have used, at least. */
const EXAMPLES: Array<[string, number]> = [
  ['jest', 2],
  ['vitest', 2],
  ['playwright', 1],
];

test.each(EXAMPLES)(
  'examples/%s: two copies at once pass, on disjoint ports',
  async (name, minPorts) => {
    const base = join(scratch, name);
    const copies = ['a', 'b'].map((c) => join(base, c));
    const leaseDir = join(base, 'leases');
    mkdirSync(base);
    cpSync(join(ROOT, 'examples', name), copies[0], { recursive: true });
    const installEnv = cleanEnv({
      TMPDIR: mkdtempSync(join(base, 'tmp-')),
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    });
    const install = await npm(['install', '--prefer-offline', '--no-save', tarball], {
      cwd: copies[0],
      env: installEnv,
    });
    expect([install.code, install.stderr.split('\n').filter((l) => /ERR!/.test(l))]).toEqual([
      0,
      [],
    ]);
    // The second copy: the same installed project in another directory.
    cpSync(copies[0], copies[1], { recursive: true, verbatimSymlinks: true });

    const runs: Ran[] = await Promise.all(
      copies.map((dir) =>
        npm(['test'], {
          cwd: dir,
          env: cleanEnv({
            TMPDIR: mkdtempSync(join(base, 'tmp-')),
            PORT_GUARD_LEASE_DIR: leaseDir,
            PORT_REPORT: join(dir, 'ports.txt'),
            PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
          }),
        }),
      ),
    );
    for (const r of runs)
      expect([r.code, r.code === 0 ? '' : r.stdout + r.stderr]).toEqual([0, '']);
    const used = copies.map((dir) => {
      const file = join(dir, 'ports.txt');
      return new Set(
        existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number) : [],
      );
    });
    for (const ports of used) expect(ports.size).toBeGreaterThanOrEqual(minPorts);
    const shared = [...used[0]].filter((p) => used[1].has(p));
    expect(shared).toEqual([]);
    // Jest's and Vitest's teardowns gave their leases back; Playwright's belonged to its main
    // process, which is gone, so they count as free.
    if (name !== 'playwright') {
      const left = existsSync(leaseDir)
        ? readdirSync(leaseDir).filter((f) => f.endsWith('.lease'))
        : [];
      expect(left).toEqual([]);
    }
    console.log(
      `examples/${name}: install ${seconds(install.ms)}, two copies at once ${seconds(Math.max(...runs.map((r) => r.ms)))}; ports ${[...used[0]].join(',')} | ${[...used[1]].join(',')}`,
    );
  },
);
