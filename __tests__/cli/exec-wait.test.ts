/**
 * `port-guard exec` and `port-guard wait` in-process (main(argv, term) with a recording
 * terminal): COMMAND gets its ports and its exit code is the CLI's, the leases live exactly as
 * long as it runs, --ready waits for it (and stops it when it does not listen in time); wait
 * is ready, not ready, or a usage error. Real processes and real sockets throughout.
 */
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { osPickedPort } from '../support/holder-process.js';
import { fakeRunner, recordingTerminal } from '../support/fake-fronts.js';

let dir: string;
const servers: Server[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pg-cli-exec-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leasesIn = (d: string) =>
  existsSync(d) ? readdirSync(d).filter((f) => !f.startsWith('.')) : [];
const term = () => recordingTerminal({ PATH: process.env.PATH ?? '/usr/bin:/bin' });

async function listening(host = '127.0.0.1'): Promise<number> {
  const server = createServer((c) => c.end());
  await new Promise<void>((r) => server.listen({ port: 0, host }, r));
  servers.push(server);
  return (server.address() as { port: number }).port;
}

describe('exec', () => {
  test("COMMAND gets every port in its environment; its exit code is exec's; the leases go with it", async () => {
    const leaseDir = join(dir, 'leases-plain');
    const t = term();
    // Exits 40 + the number of lease files it sees: the leases exist while it runs.
    const body =
      "const n=require('fs').readdirSync(process.argv[1]).filter(f=>!f.startsWith('.')).length;" +
      'process.exit(process.env.PORT===process.env.WEB&&Number(process.env.API)>0?40+n:1)';
    const code = await main(
      [
        'exec',
        '--lease-dir',
        leaseDir,
        'web=auto',
        'api=auto',
        '--',
        process.execPath,
        '-e',
        body,
        leaseDir,
      ],
      t,
    );
    expect([code, t.err]).toEqual([42, expect.stringMatching(/^port-guard: web=\d+ api=\d+\n$/)]);
    expect(leasesIn(leaseDir)).toEqual([]);
  });

  test('--ready: a line once COMMAND listens on its port', async () => {
    const leaseDir = join(dir, 'leases-ready');
    const t = term();
    const body =
      "require('net').createServer().listen(+process.env.PORT,'127.0.0.1',()=>setTimeout(()=>process.exit(7),300));";
    const code = await main(
      ['exec', '--lease-dir', leaseDir, '--ready', 'web=auto', '--', process.execPath, '-e', body],
      t,
    );
    expect(code).toBe(7);
    expect(t.err).toMatch(/port-guard: ready: web: port \d+\/tcp is ready/);
    expect(leasesIn(leaseDir)).toEqual([]);
  });

  test('--ready: COMMAND that never listens is stopped at the timeout, exit 1', async () => {
    const leaseDir = join(dir, 'leases-never');
    const t = term();
    const code = await main(
      [
        'exec',
        '--lease-dir',
        leaseDir,
        '--ready',
        '--ready-timeout',
        '1',
        'web=auto',
        '--',
        process.execPath,
        '-e',
        'setInterval(()=>{},1000)',
      ],
      t,
    );
    expect(code).toBe(1);
    expect(t.err).toContain('port-guard: not ready after 1 s');
    expect(t.err).toMatch(/web: port \d+\/tcp is not ready: nothing listens on it/);
    expect(leasesIn(leaseDir)).toEqual([]);
  });

  test('a busy requested port: exit 1, COMMAND never started, nothing leased', async () => {
    const leaseDir = join(dir, 'leases-busy');
    const port = await listening();
    const marker = join(dir, 'started');
    const t = term();
    const code = await main(
      [
        'exec',
        '--lease-dir',
        leaseDir,
        `web=${port}`,
        '--',
        process.execPath,
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(marker)},'')`,
      ],
      t,
    );
    expect(code).toBe(1);
    expect(t.err).toMatch(new RegExp(`^error: web: port ${port}/tcp is in use`, 'm'));
    expect(existsSync(marker)).toBe(false);
    expect(leasesIn(leaseDir)).toEqual([]);
  });

  test('usage errors, all at once: COMMAND not on PATH, --ready-http with only UDP ports, a bad timeout', async () => {
    const leaseDir = join(dir, 'leases-usage');
    const t = term();
    const code = await main(
      [
        'exec',
        '--lease-dir',
        leaseDir,
        '--ready',
        '--ready-timeout',
        'soon',
        '--ready-http',
        '/health',
        'dns=auto/udp',
        '--',
        'no-such-command-here',
      ],
      t,
    );
    expect(code).toBe(2);
    expect(t.err).toContain('--ready-http: needs a TCP port to send the GET to');
    expect(t.err).toContain('exec: "no-such-command-here" was not found on PATH');
    expect(t.err).toContain('--ready-timeout');
    for (const line of t.err.trim().split('\n')) expect(line).toMatch(/^port-guard: /);
    expect(existsSync(leaseDir)).toBe(false);
  });

  test('COMMAND killed by a signal: exit 128 + its number', async () => {
    const t = term();
    const code = await main(
      [
        'exec',
        '--no-lease',
        'web=auto',
        '--',
        process.execPath,
        '-e',
        "process.kill(process.pid,'SIGTERM')",
      ],
      t,
    );
    expect(code).toBe(143);
  });
});

describe('wait', () => {
  test('ready: one line per port on stdout, exit 0', async () => {
    const port = await listening('::');
    const t = term();
    expect(await main(['wait', '--timeout', '10', String(port)], t)).toBe(0);
    expect(t.out).toMatch(new RegExp(`^port ${port}/tcp is ready: accepts connections on`));
  });

  test('not ready in time: the reason on stderr, exit 1', async () => {
    const port = await osPickedPort();
    const t = term();
    expect(await main(['wait', '--timeout', '1', `${port}/udp`], t)).toBe(1);
    expect(t.out).toBe('');
    expect(t.err).toContain('port-guard: not ready after 1 s');
    expect(t.err).toContain(`port ${port}/udp is not ready: no socket is bound to it`);
  });

  test('bad input: exit 2, one line per problem naming the option', async () => {
    const t = term();
    expect(await main(['wait', '--timeout=-1', '--pid', 'x', '3000'], t)).toBe(2);
    const lines = t.err.trim().split('\n');
    expect(lines.some((l) => l.includes('--timeout'))).toBe(true);
    expect(lines.some((l) => l.includes('"x"'))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^port-guard: /);
  });
});

describe('help and version', () => {
  test('--help prints the usage; --version the version; both exit 0', async () => {
    const help = term();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toContain('port-guard exec');
    const version = term();
    expect(await main(['--version'], version)).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the real terminal and the runner protocol', () => {
  test('main with the process terminal writes to this process stdout and stderr', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--version'])).toBe(0);
      expect(await main(['wait', '--timeout=nope', '3000'])).toBe(2);
      expect(String(out.mock.calls[0]?.[0])).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/^port-guard: .*--timeout/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  test('--format github on a runner: a usage error is an annotation naming the input, nothing on stderr', async () => {
    const runner = fakeRunner();
    const t = recordingTerminal({ GITHUB_ACTIONS: 'true' }, runner);
    expect(await main(['--format', 'github', '--on-conflict', 'retry', 'web=auto'], t)).toBe(2);
    expect(t.err).toBe('');
    expect(runner.annotations).toEqual([
      {
        level: 'error',
        message: expect.stringContaining('"retry" is not one of fail, fallback, warn'),
        title: 'port-guard: input on-conflict',
      },
    ]);
  });
});
