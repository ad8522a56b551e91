/**
 * The command line in-process (main(argv, term) with a recording terminal and runner): exit
 * codes, one line per problem and no stack trace, every check before any side effect, and
 * honest results in every format.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { run as actionMain } from '../../src/action/main.js';
import { fakeRunner, recordingTerminal, stackLines } from '../support/fake-fronts.js';

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-cli-main-'));
  dirs.push(dir);
  return dir;
}

/** A port held by a listener in this process. */
async function held(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return (server.address() as { port: number }).port;
}

/** A port the OS says is free now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A GitHub runner's files in a temp dir, and the environment naming them. */
function runnerFiles(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  return {
    dir,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_ENV: join(dir, 'env'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    },
  };
}

describe('every check before any side effect', () => {
  test('--format github without GITHUB_OUTPUT: exit 2 before any lease or probe', async () => {
    const port = await held();
    const leases = join(tempDir(), 'leases');
    const term = recordingTerminal({}, fakeRunner());
    const code = await main(['--format', 'github', '--lease-dir', leases, `web=${port}`], term);
    expect(code).toBe(2);
    expect(term.err.trim().split('\n')).toEqual([
      expect.stringContaining('port-guard: --format github: GITHUB_OUTPUT is not set'),
    ]);
    // Neither the lease dir nor a probe: a probe of the held port would have reported it.
    expect(existsSync(leases)).toBe(false);
    expect(term.err).not.toContain(String(port));
  });

  test('an unwritable GITHUB_OUTPUT or GITHUB_ENV: one line naming the file, exit 3, nothing leased', async () => {
    for (const variable of ['GITHUB_OUTPUT', 'GITHUB_ENV'] as const) {
      const { dir, env } = runnerFiles();
      // A directory where the file should be (root may write anywhere, but not append to that).
      mkdirSync(env[variable]!);
      const leases = join(dir, 'leases');
      const runner = fakeRunner({}, env);
      const term = recordingTerminal({ ...env, GITHUB_ACTIONS: '' }, runner);
      const code = await main(
        ['--format', 'github', '--export-env', 'true', '--lease-dir', leases, 'api=auto'],
        term,
      );
      expect([variable, code]).toEqual([variable, 3]);
      expect(term.err.trim().split('\n')).toEqual([
        `port-guard: cannot write ${variable} (${env[variable]}): not a regular file`,
      ]);
      expect(existsSync(leases)).toBe(false);
      expect(runner.outputs).toEqual({});
    }
  });

  test('a GITHUB_OUTPUT in a directory that does not exist: exit 3 before probing', async () => {
    const { dir, env } = runnerFiles();
    env.GITHUB_OUTPUT = join(dir, 'gone', 'output');
    const term = recordingTerminal({ ...env, GITHUB_ACTIONS: '' }, fakeRunner({}, env));
    const code = await main(['--format', 'github', '--lease-dir', join(dir, 'l'), 'a=auto'], term);
    expect(code).toBe(3);
    expect(term.err).toMatch(/^port-guard: cannot write GITHUB_OUTPUT \(.*gone\/output\): ENOENT/);
    expect(existsSync(join(dir, 'l'))).toBe(false);
  });

  test('a job summary that cannot be written is a warning, never a failed step', async () => {
    const { dir, env } = runnerFiles();
    mkdirSync(env.GITHUB_STEP_SUMMARY!);
    const runner = fakeRunner({}, env);
    const term = recordingTerminal(env, runner);
    expect(await main(['--format', 'github', '--lease-dir', join(dir, 'l'), 'a=auto'], term)).toBe(
      0,
    );
    expect(runner.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('no job summary: cannot write GITHUB_STEP_SUMMARY'),
      }),
    ]);
    expect(Number(runner.outputs.a)).toBeGreaterThan(0);

    // Failing while writing (a full disk) is a warning too.
    const later = fakeRunner({}, runnerFiles().env);
    later.failWrites.add('GITHUB_STEP_SUMMARY');
    const term2 = recordingTerminal(later.env, later);
    expect(await main(['--format', 'github', '--lease-dir', join(dir, 'l'), 'b=auto'], term2)).toBe(
      0,
    );
    expect(later.annotations).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('ENOSPC') }),
    ]);
    expect(stackLines(JSON.stringify(later.annotations))).toEqual([]);
  });
});

describe('exit codes: one line, never a stack trace', () => {
  function throwingTerminal(error: unknown) {
    const term = recordingTerminal();
    Object.defineProperty(term, 'ppid', {
      get() {
        throw error;
      },
    });
    return term;
  }

  test('an unexpected internal error: one line naming the cause, exit 3', async () => {
    const term = throwingTerminal(new TypeError('cannot read properties of undefined'));
    const code = await main(['--lease-dir', tempDir(), 'a=auto'], term);
    expect(code).toBe(3);
    expect(term.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^port-guard: internal error: cannot read properties of undefined/),
    ]);
    expect(stackLines(term.err)).toEqual([]);
  });

  test('port-guard could not work (an error with exitCode 3, a system errno): exit 3', async () => {
    const system = Object.assign(new Error('cannot take a lease in /x: no space left (ENOSPC)'), {
      name: 'SystemError',
      exitCode: 3,
    });
    const term = throwingTerminal(system);
    expect(await main(['--lease-dir', tempDir(), 'a=auto'], term)).toBe(3);
    expect(term.err).toBe('port-guard: cannot take a lease in /x: no space left (ENOSPC)\n');

    const emfile = Object.assign(new Error('EMFILE: too many open files, open /proc/net/tcp'), {
      code: 'EMFILE',
    });
    const term2 = throwingTerminal(emfile);
    expect(await main(['--format', 'json', '--lease-dir', tempDir(), 'a=auto'], term2)).toBe(3);
    expect(term2.err).toBe(
      'port-guard: could not work: EMFILE: too many open files, open /proc/net/tcp\n',
    );
    expect(JSON.parse(term2.out).error).toEqual({
      kind: 'system',
      message: 'could not work: EMFILE: too many open files, open /proc/net/tcp',
      exitCode: 3,
    });
  });
});

describe('--format json and env on failures', () => {
  test('json prints a JSON error object on input and usage errors', async () => {
    const term = recordingTerminal();
    expect(await main(['--format', 'json', 'web=x', 'api=70000', '--protocol', 'sctp'], term)).toBe(
      2,
    );
    const body = JSON.parse(term.out);
    expect(body).toMatchObject({
      ok: false,
      ports: {},
      assignments: [],
      conflicts: [],
      error: { kind: 'usage', exitCode: 2 },
    });
    expect(body.errors).toEqual([
      { input: 'protocol', problems: [expect.stringContaining('"sctp"')] },
      {
        input: 'ports',
        problems: [expect.stringContaining('"web=x"'), expect.stringContaining('"api=70000"')],
      },
    ]);
    // A command line that does not parse still answers in JSON.
    const term2 = recordingTerminal();
    expect(await main(['--bogus', '--format=json', '1'], term2)).toBe(2);
    expect(JSON.parse(term2.out).errors[0].problems[0]).toContain("Unknown option '--bogus'");
  });

  test('env prints a line that makes eval fail: on a conflict and on an input error', async () => {
    const port = await held();
    const term = recordingTerminal();
    expect(await main(['--format', 'env', '--no-lease', `web=${port}`], term)).toBe(1);
    expect(term.out).toBe('(exit 1)\n');
    const term2 = recordingTerminal();
    expect(await main(['--format', 'env', 'web=x'], term2)).toBe(2);
    expect(term2.out).toBe('(exit 2)\n');
  });

  test('env applies the env-name rules of export-env', async () => {
    const refused = [
      'path',
      'Path',
      'ld_preload',
      'node_options',
      'bash_env',
      'env',
      'shellopts',
      'bashopts',
      'ifs',
      'ps4',
      'git_dir',
      'git-ssh-command',
      'java_tool_options',
      'npm_config_registry',
      'pythonpath',
      'python',
      'home',
      'github_token',
    ];
    for (const name of refused) {
      const term = recordingTerminal();
      const code = await main(['--format', 'env', '--no-lease', `${name}=auto`], term);
      expect([name, code, term.out]).toEqual([name, 2, '(exit 2)\n']);
      expect(term.err).toContain(`the name "${name}" would be exported as`);
    }
    const term = recordingTerminal();
    expect(await main(['--format', 'env', '--no-lease', 'a-b=auto', 'a_b=auto'], term)).toBe(2);
    expect(term.err).toContain('the names "a-b" and "a_b" would both be exported as A_B');
    // The same names are fine where nothing is exported.
    const json = recordingTerminal();
    expect(await main(['--format', 'json', '--no-lease', 'path=auto'], json)).toBe(0);
  });
});

describe('honest results', () => {
  test('3 auto specs, 2 free ports: every spec listed, none assigned, nothing leased, a true count', async () => {
    const [p, q] = [await freePort(), await freePort()];
    const leases = tempDir();
    const args = [
      '--fallback-range',
      `${p}-${p},${q}-${q}`,
      '--lease-dir',
      leases,
      'a=auto',
      'b=auto',
    ];

    const json = recordingTerminal();
    expect(await main(['--format', 'json', ...args, 'c=auto'], json)).toBe(1);
    const body = JSON.parse(json.out);
    expect(body.ok).toBe(false);
    expect(body.ports).toEqual({});
    expect(body.assignments.map((a: { name: string }) => a.name)).toEqual(['a', 'b', 'c']);
    for (const a of body.assignments) expect(a).toMatchObject({ port: null, status: 'unassigned' });
    expect(body.error.kind).toBe('exhausted');
    expect(body.error.message).not.toContain('were busy');
    expect(body.error.message).toContain("2 handed out to this run's other specs");
    expect(json.err).not.toContain('all 2 candidate ports were busy');
    expect(readdirSync(leases).filter((f) => f.endsWith('.lease'))).toEqual([]);

    const text = recordingTerminal();
    expect(await main([...args, 'c=auto'], text)).toBe(1);
    const rows = text.out.trim().split('\n').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/^[abc]\s+auto\s+-\s+tcp\s+not assigned$/);

    const { env } = runnerFiles();
    const runner = fakeRunner({}, env);
    expect(
      await main(['--format', 'github', ...args, 'c=auto'], recordingTerminal(env, runner)),
    ).toBe(1);
    const table = runner.summaries
      .join('')
      .split('\n')
      .filter((l) => /^\| [abc] \|/.test(l));
    expect(table).toHaveLength(3);
    for (const row of table) expect(row).toContain('| auto | — | tcp |');
  });

  test('one JSON schema for conflicts: top-level and assignments[].conflicts alike', async () => {
    const port = await held();
    const term = recordingTerminal();
    expect(await main(['--format', 'json', '--no-lease', `db=${port}`], term)).toBe(1);
    const body = JSON.parse(term.out);
    const top = body.conflicts[0];
    const inner = body.assignments[0].conflicts[0];
    expect(inner).toEqual(top);
    expect(Object.keys(top)).toEqual(
      expect.arrayContaining(['name', 'port', 'protocol', 'address', 'code', 'holder']),
    );
    expect(top.holder).toMatchObject({ pid: process.pid });
    expect(body.assignments[0]).toMatchObject({ name: 'db', port: null, status: 'conflict' });
  });

  test("--format github emits the action's annotations and the same conflicts output", async () => {
    const port = await held();
    const { env } = runnerFiles();
    const cli = fakeRunner({}, env);
    expect(
      await main(['--format', 'github', '--no-lease', `db=${port}`], recordingTerminal(env, cli)),
    ).toBe(1);
    const action = fakeRunner({ ports: `db=${port}`, lease: 'false' }, env);
    await actionMain(action);
    expect(action.exitCode).toBe(1);
    const levels = (r: typeof cli) => r.annotations.map((a) => [a.level, a.message]);
    expect(levels(cli)).toEqual(levels(action));
    expect(levels(cli)[0]).toEqual(['error', expect.stringContaining(`db: port ${port}/tcp`)]);
    expect(cli.outputs).toEqual(action.outputs);
    expect(Object.keys(cli.outputs)).toEqual(['conflicts']);
  });

  test('fallback-used is true only when a requested port was replaced', async () => {
    const { dir, env } = runnerFiles();
    const auto = fakeRunner({}, env);
    const args = ['--format', 'github', '--lease-dir', join(dir, 'l')];
    expect(await main([...args, 'api=auto'], recordingTerminal(env, auto))).toBe(0);
    expect(auto.outputs['fallback-used']).toBe('false');
    const port = await held();
    const replaced = fakeRunner({}, env);
    expect(
      await main(
        [...args, '--on-conflict', 'fallback', `web=${port}`],
        recordingTerminal(env, replaced),
      ),
    ).toBe(0);
    expect(replaced.outputs['fallback-used']).toBe('true');
  });
});
