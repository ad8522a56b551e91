/**
 * "port-guard itself could not work" through the built CLI and action: a full disk (a tiny
 * tmpfs in a private mount namespace) and running out of file descriptors (prlimit). The CLI
 * exits 3 with one line naming the cause, the action fails with one error line and exit 1, no
 * lease is left behind, and releasing leases works on the full disk. The default lease dir is
 * tried in a private mount namespace too, with a tmpfs over /tmp: never the host's own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testNeeds } from '../support/needs.js';
import {
  ACTION,
  CLI,
  actionInputDefaults,
  inputEnvName,
  scratchDir,
} from '../support/run-built.js';

const HELPER = fileURLToPath(new URL('../support/private-mount-run.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const RANGE = '30000-39999';

type Step = { code: number | null; stdout: string; stderr: string } & {
  entries?: string[];
  mode?: number;
  written?: number;
};

/** Runs the plan in a private mount namespace; one result per step. */
function inPrivateMounts(plan: object): Promise<Step[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      '/usr/bin/unshare',
      ['-m', '--propagation', 'private', process.execPath, HELPER, JSON.stringify(plan)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(JSON.parse(out) as Step[]) : fail(new Error(`helper: ${code} ${err}`)),
    );
  });
}

/** The action's environment as the runner gives it, its files in `dir`. */
function actionEnv(dir: string, inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { GITHUB_ACTIONS: 'true' };
  for (const f of ['output', 'env', 'state', 'summary']) {
    const name = f === 'summary' ? 'GITHUB_STEP_SUMMARY' : `GITHUB_${f.toUpperCase()}`;
    env[name] = join(dir, f);
    writeFileSync(env[name], '');
  }
  for (const [name, value] of Object.entries({ ...actionInputDefaults(), ...inputs }))
    env[inputEnvName(name)] = value;
  return env;
}

const oneLine = (text: string) => text.trim().split('\n');

testNeeds('linux', 'root', 'unshare')(
  'a full disk: taking a lease exits 3 in one line and leaves none; releasing still works',
  async () => {
    const dir = scratchDir('pg-full-');
    const mnt = join(dir, 'mnt');
    mkdirSync(mnt);
    const leases = join(mnt, 'leases');
    const guard = (...specs: string[]) => ({
      node: [CLI, '--lease-dir', leases, '--fallback-range', RANGE, ...specs],
    });
    const steps = await inPrivateMounts({
      mounts: [{ dir: mnt, size: '256k' }],
      steps: [
        guard('a=auto', 'b=auto'),
        { list: leases },
        { fill: join(mnt, 'filler') },
        guard('c=auto'),
        { list: leases },
        {
          node: [ACTION],
          env: actionEnv(dir, { ports: 'd=auto', 'lease-dir': leases, 'fallback-range': RANGE }),
        },
        { list: leases },
        { node: [CLI, 'release', '--lease-dir', leases] },
        { list: leases },
      ],
    });
    const [taken, before, filled, full, afterFull, action, afterAction, release, after] = steps;
    expect(taken.code).toBe(0);
    expect(before.entries!.filter((n) => n.endsWith('.lease'))).toHaveLength(2);
    expect(filled.written).toBeGreaterThan(0);

    expect(full.code).toBe(3);
    expect(full.stdout).toBe('');
    expect(oneLine(full.stderr)).toEqual([
      expect.stringMatching(
        /^port-guard: could not work: no space left on the device \(ENOSPC\) while creating lease file .*\.lease$/,
      ),
    ]);
    expect(afterFull.entries).toEqual(before.entries);

    // The action: exit 1 as GitHub requires, one error line, no stack trace, no lease.
    expect(action.code).toBe(1);
    const errors = action.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      expect.stringMatching(/could not work: no space left on the device \(ENOSPC\)/),
    ]);
    expect(action.stdout).not.toMatch(/^\s+at /m);
    expect(afterAction.entries).toEqual(before.entries);

    // Releasing needs no free space: no lock file can be written, the lease is linked instead.
    expect(release.code).toBe(0);
    expect(after.entries).toEqual([]);
  },
  120_000,
);

testNeeds('linux', 'root', 'unshare')(
  'the default lease dir is /tmp/port-guard (a private tmpfs over /tmp here), created 1777 and logged',
  async () => {
    const steps = await inPrivateMounts({
      mounts: [{ dir: '/tmp', size: '16m' }],
      // A checkout under /tmp (a CI clone) would be hidden by the tmpfs with its bundles.
      keep: [REPO],
      steps: [
        {
          node: [CLI, '--verbose', '--fallback-range', RANGE, 'a=auto'],
          env: { TMPDIR: '/tmp/elsewhere' },
        },
        { mode: '/tmp/port-guard' },
        { list: '/tmp/port-guard' },
        { node: [CLI, 'release'] },
        { list: '/tmp/port-guard' },
      ],
    });
    const [run, mode, list, release, after] = steps;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('port-guard: lease dir: /tmp/port-guard\n');
    expect(mode.mode).toBe(0o1777);
    expect(list.entries!.filter((n) => n.endsWith('.lease'))).toHaveLength(1);
    expect(release.code).toBe(0);
    expect(after.entries).toEqual([]);
  },
  60_000,
);

testNeeds('linux', 'prlimit')(
  'out of file descriptors: exit 3 in one line naming EMFILE, no lease; never a stack trace or a conflict',
  async () => {
    let systemErrors = 0;
    for (let limit = 16; limit <= 40; limit += 1) {
      const dir = scratchDir('pg-emfile-');
      const run = await new Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
        stdout: string;
        stderr: string;
      }>((done) => {
        const child = spawn(
          '/usr/bin/prlimit',
          [
            `--nofile=${limit}:${limit}`,
            process.execPath,
            CLI,
            '--lease-dir',
            join(dir, 'limited'),
            '--fallback-range',
            RANGE,
            ...'abcdefgh'.split('').map((n) => `${n}=auto`),
          ],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
      });
      let left: string[] = [];
      try {
        left = readdirSync(join(dir, 'limited'));
      } catch {
        // never created
      }
      if (run.code === 0) continue;
      // Node itself could not start (it crashes, or cannot read the script): not ours to judge.
      if (run.signal !== null || run.stderr.includes(`open '${CLI}'`)) continue;
      if (!run.stderr.includes('port-guard') && /too many open files|EMFILE/i.test(run.stderr))
        continue;
      expect({ limit, code: run.code }).toEqual({ limit, code: 3 });
      expect(run.stdout).toBe('');
      expect(oneLine(run.stderr)).toEqual([
        expect.stringMatching(
          /^port-guard: could not work: out of file descriptors \(EMFILE\) while /,
        ),
      ]);
      expect(left).toEqual([]);
      systemErrors++;
    }
    expect(systemErrors).toBeGreaterThan(0);
  },
  120_000,
);
