/**
 * The workflows run only on GitHub, so their structure is checked here: every job has a runner,
 * the e2e job covers the three systems with `uses: ./`, every `steps.<id>` a step reads is an
 * earlier step of the same job, every script a step runs exists. The e2e scripts themselves are
 * run here against the built action, as the workflow runs them. And action.yml documents every
 * input with its default.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS } from '../../src/spec/config.js';
import { ROOT, runAction, scratchDir } from '../support/run-built.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  if?: string;
  'continue-on-error'?: boolean;
  shell?: string;
}
interface Job {
  'runs-on': string | string[];
  strategy?: { matrix?: Record<string, unknown> };
  defaults?: { run?: { shell?: string } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const dir = join(ROOT, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as Workflow;

test('ci.yml and e2e.yml exist', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'e2e.yml']));
});

describe.each(files)('%s', (file) => {
  const wf = load(file);

  test('has a name, triggers, read-only permissions and jobs with runners and steps', () => {
    expect(typeof wf.name).toBe('string');
    expect(wf.on).toBeDefined();
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(wf.jobs)) {
      expect(job['runs-on']).toBeDefined();
      expect(job.steps.length).toBeGreaterThan(0);
      for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
    }
  });

  test('every steps.<id> read is an earlier step of the same job', () => {
    for (const [jobName, job] of Object.entries(wf.jobs)) {
      const seen = new Set<string>();
      for (const step of job.steps) {
        const text = JSON.stringify(step);
        for (const m of text.matchAll(/steps\.([A-Za-z_][\w-]*)\./g))
          expect(
            `${jobName}: ${m[1]} ${seen.has(m[1]!) ? 'defined' : 'not defined before use'}`,
          ).toBe(`${jobName}: ${m[1]} defined`);
        if (step.id) {
          expect(seen.has(step.id)).toBe(false);
          seen.add(step.id);
        }
      }
    }
  });

  test('actions are the local one or pinned to a version; scripts a step runs exist', () => {
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/^(\.\/|[\w-]+\/[\w-]+@v\d+)$/);
        for (const m of (step.run ?? '').matchAll(/(\.github\/e2e\/[\w.-]+|dist\/[\w/.-]+\.js)/g))
          expect(existsSync(join(ROOT, m[1]!))).toBe(true);
      }
    }
  });
});

test('ci.yml runs lint, typecheck, tests, package, and fails when dist/ differs', () => {
  const steps = load('ci.yml').jobs.check!.steps.map((s) => s.run ?? s.uses ?? '');
  const order = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test', 'npm run package'];
  const at = order.map((cmd) => steps.findIndex((s) => s.trim() === cmd));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  const last = steps.slice(at[4]! + 1).join('\n');
  expect(last).toContain('git diff --exit-code -- dist/');
});

describe('e2e.yml', () => {
  const job = load('e2e.yml').jobs.action!;
  const byId = (id: string) => job.steps.find((s) => s.id === id)!;

  test('runs on ubuntu, macos and windows with bash everywhere and fail-fast off', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect((job.strategy as { 'fail-fast'?: boolean })['fail-fast']).toBe(false);
    expect(job.defaults?.run?.shell).toBe('bash');
  });

  test('uses the action itself; the failing step may fail and its outcome is checked', () => {
    expect(job.steps.filter((s) => s.uses === './').length).toBeGreaterThanOrEqual(3);
    const busy = byId('busy');
    expect(busy.uses).toBe('./');
    expect(busy['continue-on-error']).toBe(true);
    const check = job.steps.find((s) => s.env?.OUTCOME === '${{ steps.busy.outcome }}');
    expect(check?.env?.CONFLICTS).toBe('${{ steps.busy.outputs.conflicts }}');
  });

  test('holds 127.0.0.1, ::1, 0.0.0.0 over TCP and a UDP socket, and guards all of them', () => {
    const hold = byId('hold').run!;
    for (const at of ['tcp/127.0.0.1', 'tcp/::1', 'tcp/0.0.0.0', 'udp/'])
      expect(hold).toContain(at);
    const ports = byId('busy').with!.ports!;
    for (const name of ['loop4', 'loop6', 'any4', 'dgram4', 'dgramany'])
      expect(ports).toContain(`${name}=\${{ steps.hold.outputs.${name} }}`);
  });

  test('a later step binds every fallback and auto port from the outputs', () => {
    const alloc = byId('alloc');
    expect(alloc.with!['on-conflict']).toBe('fallback');
    expect(alloc.with!.ports).toMatch(/=auto\b/);
    const check = job.steps.find((s) => s.run?.includes('check-allocation.mjs'));
    expect(check?.env?.OUTPUTS).toBe('${{ toJSON(steps.alloc.outputs) }}');
    expect(job.steps.indexOf(check!)).toBeGreaterThan(job.steps.indexOf(alloc));
    // The server the post step must report is started after the allocation, from its output.
    expect(byId('left').run).toContain('${{ steps.alloc.outputs.api }}');
  });
});

describe('action.yml', () => {
  const yml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
    runs: Record<string, string>;
  };

  test('has exactly the inputs the engine reads, with the same defaults', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
    for (const [name, input] of Object.entries(yml.inputs))
      expect([name, input.default ?? '']).toEqual([
        name,
        INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS],
      ]);
  });

  test.each(Object.keys(INPUT_DEFAULTS))('input %s is described and states its default', (name) => {
    const input = yml.inputs[name]!;
    expect(input.description.length).toBeGreaterThan(20);
    if (input.required) {
      expect(input.description).toMatch(/Required\./);
      return;
    }
    const stated = /Default: ([^.]*?)(?: \(|\.$|$)/.exec(input.description)?.[1];
    expect(stated).toBeDefined();
    if (input.default) expect(stated).toBe(input.default);
    else expect(stated).toMatch(/^(none|<os temp dir>\/port-guard)/);
  });

  test('main and post are the one bundle, post always', () => {
    expect(yml.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    });
  });
});

describe('the e2e scripts, run here as the workflow runs them', () => {
  const e2e = (script: string) => join(ROOT, '.github', 'e2e', script);
  const pids: number[] = [];
  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    }
  });

  function launch(...specs: string[]): Record<string, number> {
    const r = spawnSync(process.execPath, [e2e('launch.mjs'), ...specs], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = Object.fromEntries(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('='))
        .map(([k, v]) => [k!, Number(v)]),
    );
    pids.push(out.pid!);
    return out;
  }

  test('holders are reported busy, check-conflicts accepts it and refuses a wrong port', async () => {
    const held = launch(
      'loop4=tcp/127.0.0.1',
      'loop6=tcp/::1',
      'any4=tcp/0.0.0.0',
      'dgram4=udp/127.0.0.1',
    );
    const d = scratchDir();
    const r = await runAction({
      ports: `loop4=${held.loop4} loop6=${held.loop6} any4=${held.any4} dgram4=${held.dgram4}/udp`,
      'lease-dir': join(d, 'leases'),
    });
    expect(r.code).toBe(1);
    const conflicts = /^conflicts<<(.+)\n([^\n]*)\n\1$/m.exec(r.output)?.[2];
    expect(conflicts).toBeDefined();
    const expected = [
      `loop4=${held.loop4}/tcp`,
      `loop6=${held.loop6}/tcp`,
      `any4=${held.any4}/tcp`,
      `dgram4=${held.dgram4}/udp`,
    ];
    const check = (args: string[]) =>
      spawnSync(process.execPath, [e2e('check-conflicts.mjs'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, OUTCOME: 'failure', CONFLICTS: conflicts },
      });
    const ok = check(expected);
    expect(ok.stdout).not.toContain('::error');
    expect(ok.status).toBe(0);
    const wrong = check([`loop4=${held.loop4 === 65535 ? 1 : held.loop4! + 1}/tcp`]);
    expect(wrong.status).toBe(1);
  });

  test('fallback and auto ports pass check-allocation; a held port does not', async () => {
    const held = launch('web=tcp/127.0.0.1');
    const d = scratchDir();
    const r = await runAction({
      ports: `web=${held.web} api=auto quic=auto/both`,
      'on-conflict': 'fallback',
      'lease-dir': join(d, 'leases'),
    });
    expect(r.code).toBe(0);
    const outputs: Record<string, string> = {};
    for (const m of r.output.matchAll(/^(.+?)<<(.+)\n([^\n]*)\n\2$/gm)) outputs[m[1]!] = m[3]!;
    const check = (o: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [e2e('check-allocation.mjs'), `web=${held.web}/tcp`, 'api=auto/tcp', 'quic=auto/both'],
        { encoding: 'utf8', env: { ...process.env, OUTPUTS: JSON.stringify(o) } },
      );
    const ok = check(outputs);
    expect(ok.stdout).not.toContain('::error');
    expect(ok.status).toBe(0);
    // A port someone holds must fail the bind check.
    const other = launch('x=tcp/0.0.0.0');
    const bad = check({
      ...outputs,
      api: String(other.x),
      ports: JSON.stringify({ ...JSON.parse(outputs.ports!), api: other.x }),
    });
    expect(bad.status).toBe(1);
  });
});
