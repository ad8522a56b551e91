/**
 * The workflows run only on GitHub, so their structure is checked here: every job has a runner,
 * the e2e job covers the three systems with `uses: ./`, every `steps.<id>` a step reads is an
 * earlier step of the same job, every script a step runs exists. The e2e scripts themselves are
 * run here against the built action, as the workflow runs them. And action.yml documents every
 * input with its default.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS as ENGINE_INPUTS } from '../../src/spec/config.js';
import { SERVER_INPUT_DEFAULTS } from '../../src/ready/server-plan.js';

/** Every input the main action reads: the engine's, then the `run` server's. */
const INPUT_DEFAULTS = { ...ENGINE_INPUTS, ...SERVER_INPUT_DEFAULTS };
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
  name?: string;
  'runs-on': string | string[];
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
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
            `${jobName}: ${m[1]} ${seen.has(m[1]) ? 'defined' : 'not defined before use'}`,
          ).toBe(`${jobName}: ${m[1]} defined`);
        if (step.id) {
          expect(seen.has(step.id)).toBe(false);
          seen.add(step.id);
        }
      }
    }
  });

  test('actions are local or pinned to a major that runs on node24; scripts a step runs exist', () => {
    // The first majors of GitHub's own actions whose runtime is node24.
    const node24: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 5,
      'actions/upload-artifact': 6,
      'actions/download-artifact': 7,
    };
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        if (step.uses)
          expect(step.uses).toMatch(/^(\.\/(\.github\/e2e\/[\w-]+)?|[\w-]+\/[\w-]+@v\d+)$/);
        const pinned = /^([\w-]+\/[\w-]+)@v(\d+)$/.exec(step.uses ?? '');
        if (pinned && node24[pinned[1]])
          expect(Number(pinned[2])).toBeGreaterThanOrEqual(node24[pinned[1]]);
        if (step.uses?.startsWith('./.github/'))
          expect(existsSync(join(ROOT, step.uses, 'action.yml'))).toBe(true);
        for (const m of (step.run ?? '').matchAll(/(\.github\/e2e\/[\w.-]+|dist\/[\w/.-]+\.js)/g))
          expect(existsSync(join(ROOT, m[1]))).toBe(true);
      }
    }
  });
});

test('ci.yml runs on ubuntu, macos and windows under Node 20 and 24, npm test from cmd.exe', () => {
  const job = load('ci.yml').jobs.check;
  expect(job['runs-on']).toBe('${{ matrix.os }}');
  expect(job.strategy?.matrix).toEqual({
    os: ['ubuntu-latest', 'macos-latest', 'windows-latest'],
    node: [20, 24],
  });
  const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
  expect(setup?.with?.['node-version']).toBe('${{ matrix.node }}');
  const onWindows = job.steps.find((s) => s.run === 'npm test' && s.if?.includes("== 'Windows'"));
  expect(onWindows?.shell).toBe('cmd');
  const elsewhere = job.steps.find((s) => s.run === 'npm test' && s.if?.includes("!= 'Windows'"));
  expect(elsewhere).toBeDefined();
  // npm test is a Node script, not POSIX shell syntax.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.test).toBe('node scripts/test.js');
});

test('ci.yml runs lint, typecheck, tests, package, and fails when dist/ differs', () => {
  const steps = load('ci.yml').jobs.check.steps.map((s) => s.run ?? s.uses ?? '');
  const order = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test', 'npm run package'];
  const at = order.map((cmd) => steps.findIndex((s) => s.trim() === cmd));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  const last = steps.slice(at[4] + 1).join('\n');
  expect(last).toContain('git diff --exit-code -- dist/');
});

describe('e2e.yml', () => {
  const job = load('e2e.yml').jobs.action;
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
    const ports = byId('busy').with!.ports;
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

  test("holds the interface address, Node's default listen and a block of held ports too", () => {
    const hold = byId('hold').run!;
    for (const at of ['if4=tcp/iface4', 'dflt=tcp/default', 'narrow=block/8'])
      expect(hold).toContain(at);
    for (const name of ['if4', 'dflt'])
      expect(byId('busy').with!.ports).toContain(`${name}=\${{ steps.hold.outputs.${name} }}`);
  });

  test('a narrow range of held ports, sequentially, must yield its one free port', () => {
    const narrow = byId('narrow');
    expect(narrow.uses).toBe('./');
    expect(narrow.with).toMatchObject({
      ports: 'api=auto',
      'fallback-strategy': 'sequential',
      'fallback-range': '${{ steps.hold.outputs.narrow_lo }}-${{ steps.hold.outputs.narrow_hi }}',
    });
    const check = job.steps[job.steps.indexOf(narrow) + 1];
    expect(check.env).toEqual({
      GOT: '${{ steps.narrow.outputs.api }}',
      FREE: '${{ steps.hold.outputs.narrow_free }}',
    });
    expect(check.run).toMatch(/exit 1/);
  });

  test('the after-post check comes before every port-guard step, so its post step runs last', () => {
    const first = job.steps.findIndex((s) => s.uses === './');
    const after = job.steps.findIndex((s) => s.uses === './.github/e2e/after-post');
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThan(first);
    const meta = parse(readFileSync(join(ROOT, '.github/e2e/after-post/action.yml'), 'utf8')) as {
      runs: Record<string, string>;
    };
    expect(meta.runs).toMatchObject({ using: 'node24', post: 'post.mjs', 'post-if': 'always()' });
    // What it must check is recorded by steps after the ones whose post steps it checks.
    const expects = job.steps.filter((s) => s.run?.includes('expect-released.mjs'));
    expect(expects.length).toBeGreaterThanOrEqual(2);
    for (const s of expects) expect(job.steps.indexOf(s)).toBeGreaterThan(first);
  });

  test('one step uses the default lease dir; two concurrent hand-outs share it', () => {
    const dflt = byId('default-dir');
    expect(dflt.uses).toBe('./');
    expect(dflt.with?.['lease-dir']).toBeUndefined();
    const concurrent = job.steps.find((s) => s.run?.includes('concurrent.mjs'));
    expect(concurrent?.env?.DIR).toBe('${{ steps.where.outputs.dir }}');
    expect(concurrent?.run).toContain('${{ steps.hold.outputs.pair_lo }}');
  });

  test('Windows: a port inside a netsh excluded range must be called reserved', () => {
    const excl = byId('excl');
    expect(excl.if).toBe("runner.os == 'Windows'");
    expect(excl.run).toMatch(/netsh int ipv4 add excludedportrange protocol=tcp startport="\$LO"/);
    const reserved = byId('reserved');
    expect(reserved).toMatchObject({ uses: './', 'continue-on-error': true });
    expect(reserved.with!.ports).toBe('inside=${{ steps.excl.outputs.probed }}');
    const check = job.steps.find((s) => s.env?.OUTCOME === '${{ steps.reserved.outcome }}');
    expect(check?.run).toContain('/tcp:reserved');
    expect(byId('reserved-range').with!['fallback-range']).toContain('steps.hold.outputs.excl_lo');
  });

  test('the real tool output is recorded and uploaded, whatever happened', () => {
    const record = job.steps.find((s) => s.run?.includes('record.mjs'));
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(record?.if).toBe('always()');
    expect(upload?.if).toBe('always()');
    expect(job.steps.indexOf(upload!)).toBeGreaterThan(job.steps.indexOf(record!));
  });

  test("a later job reads every e2e job's log for the post steps' report", () => {
    const post = load('e2e.yml').jobs['post-steps'];
    expect(post.needs).toBe('action');
    expect(post.if).toBe('always()');
    expect(post.permissions).toEqual({ actions: 'read', contents: 'read' });
    const read = post.steps.find((s) => s.run?.includes('check-post-log.mjs'));
    expect(read?.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(read?.run).toContain('"action on " 3');
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
    const input = yml.inputs[name];
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
        .map(([k, v]) => [k, Number(v)]),
    );
    pids.push(out.pid);
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
    const conflicts = r.outputs.conflicts;
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
    const wrong = check([`loop4=${held.loop4 === 65535 ? 1 : held.loop4 + 1}/tcp`]);
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
    const outputs = r.outputs;
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
      ports: JSON.stringify({ ...JSON.parse(outputs.ports), api: other.x }),
    });
    expect(bad.status).toBe(1);
  });
});

describe('the new e2e checks, run here as the workflow runs them, and able to fail', () => {
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
        .map(([k, v]) => [k, Number(v)]),
    );
    pids.push(out.pid);
    return out;
  }

  test('a narrow block of held ports: sequential gives its one free port, and nothing without it', async () => {
    const held = launch('narrow=block/8');
    expect(held.narrow_hi - held.narrow_lo).toBe(7);
    expect(held.narrow_free).toBe(held.narrow_hi);
    const d = scratchDir();
    const guard = (hi: number) =>
      runAction({
        ports: 'api=auto',
        'fallback-range': `${held.narrow_lo}-${hi}`,
        'fallback-strategy': 'sequential',
        'lease-dir': join(d, 'leases'),
      });
    const ok = await guard(held.narrow_hi);
    expect(ok.code).toBe(0);
    expect(ok.outputs.api).toBe(String(held.narrow_free));
    // Without the free port every candidate is held: a probe that missed a holder would hand it out.
    const none = await guard(held.narrow_hi - 1);
    expect(none.code).toBe(1);
    expect(none.outputs.api).toBeUndefined();
  });

  test("holders on Node's default listen(port) and the interface address are conflicts", async () => {
    const hasIface = Object.values(networkInterfaces()).some((l) =>
      (l ?? []).some((a) => a.family === 'IPv4' && !a.internal),
    );
    const held = launch('dflt=tcp/default', ...(hasIface ? ['if4=tcp/iface4'] : []));
    const d = scratchDir();
    const r = await runAction({
      ports: `dflt=${held.dflt}${hasIface ? ` if4=${held.if4}` : ''}`,
      'lease-dir': join(d, 'leases'),
    });
    expect(r.code).toBe(1);
    const check = spawnSync(
      process.execPath,
      [
        e2e('check-conflicts.mjs'),
        `dflt=${held.dflt}/tcp`,
        ...(hasIface ? [`if4=${held.if4}/tcp`] : []),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, OUTCOME: 'failure', CONFLICTS: r.outputs.conflicts },
      },
    );
    expect(check.stdout).not.toContain('::error');
    expect(check.status).toBe(0);
  });

  test('check-conflicts: a reserved port must be called reserved, not free or held', () => {
    const check = (conflict: Record<string, unknown>) =>
      spawnSync(process.execPath, [e2e('check-conflicts.mjs'), 'inside=20005/tcp:reserved'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          OUTCOME: 'failure',
          CONFLICTS: JSON.stringify([
            { name: 'inside', port: 20005, protocol: 'tcp', ...conflict },
          ]),
        },
      }).status;
    expect(check({ status: 'denied', heldBy: 'reserved by the OS (an excluded port range)' })).toBe(
      0,
    );
    expect(check({ status: 'in-use', heldBy: 'pid 4 System' })).toBe(1);
    expect(check({ status: 'unknown', heldBy: 'unknown' })).toBe(1);
  });

  test('the post steps: after-post sees the leases gone, the log check finds release and notice', async () => {
    const d = scratchDir();
    const leases = join(d, 'leases');
    const runnerTemp = join(d, 'runner-temp');
    mkdirSync(runnerTemp);
    const inputs = { ports: 'api=auto', 'lease-dir': leases };
    const main = await runAction(inputs);
    expect(main.code).toBe(0);
    const api = Number(main.outputs.api);
    const left = launch(`left=tcp/0.0.0.0/${api}`);

    const node = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [script, ...args], {
        encoding: 'utf8',
        env: { ...process.env, RUNNER_TEMP: runnerTemp, ...env },
      });
    expect(node(e2e('expect-released.mjs'), ["the job's own lease dir", leases]).status).toBe(0);
    const afterPost = () => node(e2e('after-post/post.mjs'), []);

    // Before the post step the lease is still there: the after-post check must fail.
    const early = afterPost();
    expect(early.status).toBe(1);
    expect(early.stdout).toMatch(/::error::.*still leased/);

    const post = await runAction(inputs, { state: main.state });
    expect(post.code).toBe(0);
    const late = afterPost();
    expect(late.status).toBe(0);

    const marker = `port-guard-e2e-post: ${JSON.stringify({ released: [`${api}/tcp`], stillBound: { port: api, pid: left.pid } })}`;
    const stamp = (text: string) =>
      text
        .split('\n')
        .map((l) => `2026-12-01T21:00:00.0000000Z ${l}`)
        .join('\n');
    const checkLog = (...parts: string[]) => {
      const file = join(d, 'job.log');
      writeFileSync(file, stamp(parts.join('\n')));
      return node(e2e('check-post-log.mjs'), [], { LOG_FILE: file });
    };
    const good = checkLog(marker, post.stdout, late.stdout);
    expect(good.stdout).not.toContain('::error');
    expect(good.status).toBe(0);
    // Each missing part fails it.
    expect(checkLog(marker, late.stdout).stdout).toMatch(/did not say it released.*\n.*no notice/);
    expect(checkLog(marker, post.stdout, early.stdout).status).toBe(1);
    expect(checkLog(post.stdout, late.stdout).status).toBe(1);
    const otherPid = marker.replace(`"pid":${left.pid}`, `"pid":${left.pid + 1}`);
    expect(checkLog(otherPid, post.stdout, late.stdout).stdout).toMatch(/no notice/);
  });
});
