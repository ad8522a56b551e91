/**
 * The built bundles run as the runner and a shell run them: the action's `run` (a server that
 * comes up, one that exits 1 at start, a cancelled step), its post step (no process and no
 * lease left), the `wait/` action, and `port-guard wait` / `exec` as a CI script calls them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  holdPort,
  osPickedPort,
  serverCommand,
  spawnServer,
  writeServerScript,
} from '../support/holder-process.js';
import {
  annotations,
  runAction,
  runCli,
  runPost,
  WAIT_ACTION,
  type StepResult,
} from '../support/run-built.js';

const dirs: string[] = [];
const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-ready-e2e-'));
  dirs.push(dir);
  return dir;
};
const script = writeServerScript(scratch());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const leasesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
const serverPid = (r: StepResult) => JSON.parse(r.state.server).pid as number;

test('run: the step returns once the server listens; outputs then; the post step stops it, prints its log and returns the leases', async () => {
  const main = await runAction({
    ports: 'web=auto',
    run: serverCommand(script, {
      port: 0,
      portEnv: 'WEB',
      hosts: ['127.0.0.1', '::1'],
      delayMs: 500,
    }),
  });
  dirs.push(main.dir);
  const pid = serverPid(main);
  pids.push(pid);
  expect(main.stdout).toContain(
    `web: port ${main.outputs.web}/tcp is ready: accepts connections on 127.0.0.1 and ::1`,
  );
  expect(main.code).toBe(0);
  expect(alive(pid)).toBe(true);
  expect(leasesIn(join(main.dir, 'leases'))).toHaveLength(1);

  const post = await runPost(main);
  dirs.push(post.dir);
  expect(post.code).toBe(0);
  expect(post.stdout).toContain(`port-guard: the server (pid ${pid}) stopped (SIGTERM)`);
  expect(post.stdout).toMatch(
    /::group::port-guard: output of the server \(.*\)\n::stop-commands::[\w-]+\nlistening\n/,
  );
  expect(post.stdout).toContain('::endgroup::');
  expect(annotations(post.stdout, 'notice')).toEqual([]);
  expect(alive(pid)).toBe(false);
  expect(leasesIn(join(main.dir, 'leases'))).toEqual([]);
});

test('run: a server that exits 1 at start fails the step at once with its code and output; nothing is left', async () => {
  const began = Date.now();
  const main = await runAction({
    ports: 'web=auto',
    run: serverCommand(script, { port: 0, portEnv: 'PORT', exitCode: 1 }),
  });
  dirs.push(main.dir);
  expect(Date.now() - began).toBeLessThan(20_000);
  expect(main.code).toBe(1);
  const [error] = annotations(main.stdout, 'error');
  expect(error).toMatch(/exited with code 1 before every port was ready/);
  expect(error).toContain('fatal: cannot open config.yml');
  expect(main.outputs.web).toBeUndefined();
  expect(alive(serverPid(main))).toBe(false);
  expect(leasesIn(join(main.dir, 'leases'))).toEqual([]);
  const post = await runPost(main);
  dirs.push(post.dir);
  expect(post.code).toBe(0);
  expect(post.stdout).toContain('had already exited');
  expect(post.stdout).toContain('fatal: cannot open config.yml');
});

test('run: a cancelled step (SIGINT, then SIGTERM) stops the server and returns the leases', async () => {
  let sent = false;
  const r = await runAction(
    {
      ports: 'web=auto',
      run: serverCommand(script, { port: 0, portEnv: 'PORT', delayMs: 600_000 }),
    },
    {
      onOutput: ({ stdout }, nodePid) => {
        if (!stdout.includes('started the server') || sent) return;
        sent = true;
        const pid = nodePid();
        process.kill(pid, 'SIGINT');
        setTimeout(() => {
          try {
            process.kill(pid, 'SIGTERM');
          } catch {
            // Already gone: the SIGINT was enough.
          }
        }, 200);
      },
    },
  );
  expect(r.stdout).toContain('started the server');
  expect(sent).toBe(true);
  const pid = JSON.parse(r.state.server).pid as number;
  pids.push(pid);
  expect([`${r.code ?? r.signal}`, r.stderr]).toEqual(['130', '']);
  expect(r.stdout).toContain('cancelled by SIGINT');
  expect(alive(pid)).toBe(false);
  expect(leasesIn(r.leaseDir)).toEqual([]);
});

test('run: bad inputs are errors naming each input; nothing is started or leased', async () => {
  const dir = scratch();
  const marker = join(dir, 'started');
  const main = await runAction({
    ports: 'dns=auto/udp',
    run: `touch '${marker}'`,
    'ready-timeout': '1e9',
    'ready-http': 'health',
    shell: 'fish',
  });
  dirs.push(main.dir);
  expect(main.code).toBe(1);
  const titles = annotations(main.stdout, 'error').map(
    (l) => /title=port-guard%3A input ([\w-]+)/.exec(l)?.[1],
  );
  expect(titles).toEqual(['ready-timeout', 'ready-http', 'shell']);
  const udpOnly = await runAction({
    ports: 'dns=auto/udp',
    run: `touch '${marker}'`,
    'ready-http': '/health',
  });
  dirs.push(udpOnly.dir);
  expect(annotations(udpOnly.stdout, 'error')).toEqual([
    expect.stringContaining('ready-http: needs a TCP port to send the GET to'),
  ]);
  for (const timeout of ['-1', 'soon']) {
    const r = await runAction({
      ports: 'web=auto',
      run: `touch '${marker}'`,
      'ready-timeout': timeout,
    });
    dirs.push(r.dir);
    expect(annotations(r.stdout, 'error')).toEqual([
      expect.stringContaining('title=port-guard%3A input ready-timeout'),
    ]);
    expect(leasesIn(join(r.dir, 'leases'))).toEqual([]);
  }
  expect(existsSync(marker)).toBe(false);
  expect(leasesIn(join(main.dir, 'leases'))).toEqual([]);
  expect(main.state.server).toBeUndefined();
});

test('the wait/ action: ready for a server started elsewhere; bad input names the input', async () => {
  const port = await osPickedPort();
  const server = spawnServer({ port, hosts: ['127.0.0.1', '::1'], http: [200] });
  try {
    const ok = await runAction(
      { ports: `web=${port}`, http: '/health', timeout: '20' },
      { action: WAIT_ACTION },
    );
    dirs.push(ok.dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      `web: port ${port}/tcp is ready: accepts connections on 127.0.0.1 and ::1, GET answered 200`,
    );
  } finally {
    await server.stop();
  }
  const bad = await runAction({ ports: '3000', timeout: '-5' }, { action: WAIT_ACTION });
  dirs.push(bad.dir);
  expect(bad.code).toBe(1);
  expect(annotations(bad.stdout, 'error')).toEqual([
    expect.stringContaining('title=port-guard%3A input timeout'),
  ]);
});

test('port-guard wait: exit 0 for a server that is up, 1 naming the stranger for --pid, 2 for bad input', async () => {
  const stranger = await holdPort({ host: '127.0.0.1' });
  const sleeper = spawnServer({ port: stranger.port, delayMs: 600_000 });
  try {
    const ok = await runCli(['wait', '--timeout', '5', String(stranger.port)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`port ${stranger.port}/tcp is ready`);
    expect(ok.stderr).toContain('on 127.0.0.1 only: clients that dial ::1');
    const foreign = await runCli(['wait', '--pid', String(sleeper.pid), String(stranger.port)]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain(`is held by pid ${stranger.pid} `);
  } finally {
    await sleeper.stop();
    await stranger.stop();
  }
  for (const args of [
    ['--timeout', 'x'],
    ['--timeout', '100000'],
    ['--http', 'health'],
    ['--pid', '999999999'],
  ]) {
    const r = await runCli(['wait', ...args, '3000']);
    expect([args[0], r.code]).toEqual([args[0], 2]);
    expect(r.stderr).toContain(`port-guard: ${args[0]}`);
  }
});

test("port-guard exec: the ports in the command's environment, its exit code, leases only while it runs", async () => {
  const dir = scratch();
  const leaseDir = join(dir, 'leases');
  const body =
    "const fs=require('fs');const d=process.argv[1];" +
    "console.log(JSON.stringify({web:process.env.WEB,port:process.env.PORT,leases:fs.readdirSync(d).filter(f=>!f.startsWith('.'))}));" +
    "require('net').createServer().listen(+process.env.PORT,'127.0.0.1',()=>setTimeout(()=>process.exit(7),300));";
  const r = await runCli([
    'exec',
    '--lease-dir',
    leaseDir,
    '--ready',
    'web=auto',
    '--',
    process.execPath,
    '-e',
    body,
    leaseDir,
  ]);
  expect(r.code).toBe(7);
  const seen = JSON.parse(r.stdout.trim()) as { web: string; port: string; leases: string[] };
  expect(seen.port).toBe(seen.web);
  expect(seen.leases).toHaveLength(1);
  expect(r.stderr).toContain(`port-guard: ready: web: port ${seen.web}/tcp is ready`);
  expect(leasesIn(leaseDir)).toEqual([]);
  const missing = await runCli([
    'exec',
    '--lease-dir',
    leaseDir,
    'web=auto',
    '--',
    'no-such-command-here',
  ]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('exec: "no-such-command-here" was not found on PATH');
});
