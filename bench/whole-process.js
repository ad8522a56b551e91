// W4: whole-process start-up. The bundled action and the CLI are run the way a runner runs
// them, each under bench/rusage.py for the kernel's own figures (wall, CPU, max RSS); a bare
// `node -e 0` run the same way is the baseline.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The action's floor: what any action that talks to the runner through @actions/core pays. */
export const FLOOR_ACTION = 'floor action (@actions/core by its public entry, 4 probes, setOutput)';

const RUSAGE = fileURLToPath(new URL('./rusage.py', import.meta.url));

/**
 * The runner sets every declared input, with its default when the workflow gives none: read
 * from action.yml itself, the one place the defaults are declared for the runner.
 */
function actionInputDefaults(root) {
  const inputs = parse(readFileSync(join(root, 'action.yml'), 'utf8'))?.inputs ?? {};
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, v?.default === undefined ? '' : String(v.default)]),
  );
}

/** What a GitHub-hosted runner puts in a step's environment, pointed at files in `dir`. */
export function runnerEnv(root, dir, inputs) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/port-guard-bench',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'bench',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_ACTION: 'port-guard',
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries({ ...actionInputDefaults(root), ...inputs })) {
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  }
  return env;
}

function freshRunDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'event.json'), '{}\n');
  for (const f of ['output', 'env', 'state', 'path', 'summary']) writeFileSync(join(dir, f), '');
}

/**
 * Runs argv under bench/rusage.py; resolves the child's wall milliseconds (spawn to reap, the
 * wrapper's own start-up excluded), CPU milliseconds (user + system), max RSS (KiB), exit code
 * and output.
 */
export function timedRun(argv, { env, cwd, rssFile }) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [RUSAGE, rssFile, ...argv], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('close', () => {
      const u = JSON.parse(readFileSync(rssFile, 'utf8'));
      resolve({
        ms: u.wall_ms,
        cpuMs: u.user_ms + u.sys_ms,
        rssKiB: u.maxrss_kib,
        code: u.code,
        stdout: out,
        stderr: err,
      });
    });
  });
}

/**
 * The W4 contenders. `ports` are three ports known free; the fourth is `auto`.
 * Every run gets fresh runner files; leases are left in place within a run's process tree
 * and cleared between runs (the post step's job), outside the timed part.
 */
export function wholeProcessContenders(root, tmp, ports) {
  const leaseDir = join(tmp, 'leases');
  const specs = `db=${ports[0]}, cache=${ports[1]}, web=${ports[2]}, api=auto`;
  const clearLeases = () => {
    mkdirSync(leaseDir, { recursive: true });
    for (const f of readdirSync(leaseDir))
      rmSync(join(leaseDir, f), { recursive: true, force: true });
  };
  const list = [
    {
      name: 'node -e 0',
      argv: [process.execPath, '-e', '0'],
      validate: (r) => (r.code === 0 ? [] : [`exit ${r.code}`]),
    },
  ];
  list.push({
    name: 'floor process (4 probes on ::, outputs written)',
    argv: [process.execPath, join(root, 'bench/floor-process.cjs'), ...ports.map(String)],
    validate: (r, dir) => {
      const output = readFileSync(join(dir, 'output'), 'utf8');
      return r.code === 0 && /api=\d+/.test(output) ? [] : [`exit ${r.code}, output ${output}`];
    },
  });
  if (existsSync(join(root, 'node_modules/@actions/core'))) {
    list.push({
      name: FLOOR_ACTION,
      argv: [process.execPath, join(root, 'bench/floor-process-core.mjs'), ...ports.map(String)],
      validate: (r, dir) => {
        const output = readFileSync(join(dir, 'output'), 'utf8');
        return r.code === 0 && /^api<</m.test(output)
          ? []
          : [`exit ${r.code}: ${r.stderr.trim().split('\n')[0]}; output ${output}`];
      },
    });
  }
  if (existsSync(join(root, 'dist/index.js'))) {
    list.push({
      name: 'action (dist/index.js)',
      argv: [process.execPath, join(root, 'dist/index.js')],
      inputs: { ports: specs, lease: 'true', 'lease-dir': leaseDir, summary: 'true' },
      validate: (r, dir) => {
        const problems = [];
        if (r.code !== 0) problems.push(`exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
        const output = readFileSync(join(dir, 'output'), 'utf8');
        for (const p of ports.slice(0, 3))
          if (!output.includes(String(p))) problems.push(`no output ${p}`);
        if (!/api/.test(output)) problems.push('no output for api');
        if (readFileSync(join(dir, 'summary'), 'utf8').length === 0) problems.push('no summary');
        return problems;
      },
    });
  }
  if (existsSync(join(root, 'dist/index.js'))) {
    // The post step with nothing to release: what loading the bundle costs by itself.
    list.push({
      name: 'action post step, nothing leased',
      argv: [process.execPath, join(root, 'dist/index.js')],
      inputs: { ports: specs, lease: 'true', 'lease-dir': leaseDir, summary: 'true' },
      state: { isPost: 'true' },
      validate: (r) => (r.code === 0 ? [] : [`exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`]),
    });
  }
  if (existsSync(join(root, 'dist/cli/index.js'))) {
    list.push({
      name: 'cli (dist/cli/index.js)',
      argv: [
        process.execPath,
        join(root, 'dist/cli/index.js'),
        '--lease-dir',
        leaseDir,
        '--format',
        'env',
        `db=${ports[0]}`,
        `cache=${ports[1]}`,
        `web=${ports[2]}`,
        'api=auto',
      ],
      validate: (r) => {
        const problems = [];
        if (r.code !== 0) problems.push(`exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
        if (!/API=\d+/i.test(r.stdout)) problems.push('no API=<port> line');
        return problems;
      },
    });
  }
  return list.map((c) => ({
    ...c,
    /** Max RSS (KiB) and CPU ms of every run, warm-up included, in run order. */
    rssAll: [],
    cpuAll: [],
    async run() {
      const dir = join(tmp, 'run');
      freshRunDir(dir);
      clearLeases();
      const env = runnerEnv(root, dir, c.inputs ?? {});
      for (const [k, v] of Object.entries(c.state ?? {})) env[`STATE_${k}`] = v;
      const r = await timedRun(c.argv, { env, cwd: root, rssFile: join(tmp, 'rss') });
      r.problems = c.validate(r, dir);
      this.rssAll.push(r.rssKiB);
      this.cpuAll.push(r.cpuMs);
      return r;
    },
  }));
}

/**
 * What the pieces of a start-up cost on their own, each a bare `node -e` beside `node -e 0`:
 * the built-in modules the bundle loads, the first socket of a process, a hot loop (which wakes
 * V8's optimizing compiler) and the @actions packages. A guide to what to load lazily.
 */
export function startupPieces(root, tmp) {
  const listen = (host) =>
    `const s=require('net').createServer();s.listen({port:0,${host === undefined ? '' : `host:'${host}',`}exclusive:true},()=>s.close())`;
  const pieces = [
    ['node -e 0', '0'],
    ...['crypto', 'child_process', 'fs/promises', 'net', 'dgram', 'os'].map((m) => [
      `require('${m}')`,
      `require('${m}')`,
    ]),
    ["first TCP listen on '::'", listen('::')],
    ["first TCP listen on '127.0.0.1'", listen('127.0.0.1')],
    ["first TCP listen on '::1'", listen('::1')],
    ['first TCP listen, no host (Node binds ::)', listen(undefined)],
    [
      "first UDP bind on '::'",
      "const d=require('dgram').createSocket('udp6');d.bind({port:0,address:'::'},()=>d.close())",
    ],
    ['a 16k-iteration loop', 'let s=0;for(let i=0;i<16384;i++)s+=i'],
  ];
  const list = pieces.map(([name, code]) => ({ name, argv: [process.execPath, '-e', code] }));
  // How a file entry is loaded: as CommonJS, or through the ES module loader (as dist/ is).
  mkdirSync(tmp, { recursive: true });
  for (const ext of ['cjs', 'mjs']) {
    writeFileSync(join(tmp, `empty.${ext}`), '\n');
    list.push({
      name: `an empty .${ext} file`,
      argv: [process.execPath, join(tmp, `empty.${ext}`)],
    });
  }
  for (const dep of ['@actions/core', '@actions/github']) {
    if (!existsSync(join(root, 'node_modules', dep))) continue;
    list.push({
      name: `import('${dep}') from node_modules`,
      argv: [process.execPath, '--input-type=module', '-e', `await import('${dep}')`],
    });
  }
  return list.map((c) => ({
    ...c,
    async run() {
      const r = await timedRun(c.argv, {
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        cwd: root,
        rssFile: join(tmp, 'rss'),
      });
      r.problems = r.code === 0 ? [] : [`exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`];
      return r;
    },
  }));
}
