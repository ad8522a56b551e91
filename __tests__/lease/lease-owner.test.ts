import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cliLeaseOwner,
  findJobShell,
  jobOwnerId,
  leaseOwnerAlive,
  ownerOption,
  sameLeaseOwner,
  wrapperReason,
} from '../../src/lease/lease-owner.js';
import {
  cmdlineWords,
  linuxProcessLookup,
  lookupOf,
  parsePsProcesses,
  parseWindowsProcesses,
  readProcessLookup,
  windowsWords,
  type ProcessEntry,
} from '../../src/lease/process-table.js';
import type { ToolRunner } from '../../src/system/run-tool.js';
import { testNeeds } from '../support/needs.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lease');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const onLinux = testNeeds('linux');

/** A chain of processes, the job's shell first, each the parent of the next. */
function chain(...commands: string[][]): { lookup: ReturnType<typeof lookupOf>; pids: number[] } {
  const pids = commands.map((_, i) => 1000 + i);
  const entries: ProcessEntry[] = commands.map((argv, i) => ({
    pid: pids[i],
    ppid: i === 0 ? 900 : pids[i - 1],
    argv,
    start: `${i}@boot`,
  }));
  entries.unshift({ pid: 900, ppid: 1, argv: ['/usr/sbin/sshd', '-D'] });
  return { lookup: lookupOf(entries), pids };
}

const SHELL = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '/home/runner/work/_temp/x.sh'];

describe('the job shell is found past every short-lived wrapper', () => {
  const cases: Array<[string, string[][]]> = [
    ['timeout', [['timeout', '60', 'port-guard', '3000']]],
    ['/usr/bin/time', [['/usr/bin/time', '-v', 'port-guard']]],
    ['nice and env (kept when they fork)', [['nice', '-n', '5', 'env', 'A=1']]],
    ['xargs', [['xargs', 'port-guard']]],
    [
      'xargs sh -c',
      [
        ['xargs', 'sh', '-c', 'port-guard "$@"'],
        ['sh', '-c', 'port-guard "$@"', 'x'],
      ],
    ],
    ['flock', [['flock', '/tmp/l', 'port-guard']]],
    [
      'sudo and its monitor',
      [
        ['sudo', 'port-guard'],
        ['sudo', 'port-guard'],
      ],
    ],
    ['runuser and setpriv', [['runuser', '-u', 'ci', '--', 'setpriv', '--reuid=1']]],
    ['a $(… | cut) subshell and its pipeline stage', [SHELL, SHELL]],
    [
      'bash -c and sh -ec one-shot shells',
      [
        ['bash', '-o', 'pipefail', '-c', 'x; y'],
        ['sh', '-ec', 'x'],
      ],
    ],
    [
      'npm run and its script shell',
      [
        ['npm', 'run', 'dev'],
        ['sh', '-c', 'port-guard 3000'],
      ],
    ],
    [
      'npx (node npx-cli.js)',
      [
        ['node', '/usr/lib/node_modules/npm/bin/npx-cli.js', 'pg'],
        ['sh', '-c', 'pg'],
      ],
    ],
    [
      'pnpm and yarn berry',
      [
        ['node', '/usr/lib/node_modules/pnpm/bin/pnpm.cjs', 'dev'],
        ['node', '/w/.yarn/releases/yarn-4.5.0.cjs', 'x'],
      ],
    ],
    [
      'make and its recipe shell',
      [
        ['make', 'test'],
        ['/bin/sh', '-c', 'port-guard 3000'],
      ],
    ],
  ];
  test.each(cases)('%s', (_name, wrappers) => {
    const { lookup, pids } = chain(SHELL, ...wrappers);
    const found = findJobShell(pids[pids.length - 1], lookup);
    expect(found).toMatchObject({ found: true, pid: pids[0], start: '0@boot' });
  });

  test('a script the shell runs is a job shell of its own, not a subshell', () => {
    const { lookup, pids } = chain(SHELL, ['bash', 'ci/test.sh']);
    expect(findJobShell(pids[1], lookup)).toMatchObject({ found: true, pid: pids[1] });
  });

  test('an interactive shell, a node test runner, python are owners', () => {
    for (const argv of [['-bash'], ['node', 'jest.js'], ['python3', 'run.py'], ['bash', '-s']]) {
      const { lookup, pids } = chain(argv);
      expect(findJobShell(pids[0], lookup)).toMatchObject({ found: true, pid: pids[0] });
    }
  });
});

describe('no long-lived owner', () => {
  test('the walk reaching init (pid 1)', () => {
    const lookup = lookupOf([{ pid: 50, ppid: 1, argv: ['timeout', '9', 'x'] }]);
    expect(findJobShell(50, lookup)).toEqual({
      found: false,
      reason: 'the walk up its parents reached init (pid 1)',
    });
    expect(findJobShell(1, lookup)).toMatchObject({ found: false });
  });

  test('a parent outside the pid namespace (pid 0)', () => {
    const lookup = lookupOf([{ pid: 7, ppid: 0, argv: ['sh', '-c', 'port-guard 1'] }]);
    expect(findJobShell(0, lookup)).toMatchObject({
      found: false,
      reason: expect.stringMatching(/parent pid is 0/),
    });
    expect(findJobShell(7, lookup)).toMatchObject({
      found: false,
      reason: expect.stringMatching(/parent pid is 0/),
    });
  });

  test('a process that cannot be read', () => {
    expect(findJobShell(4242, lookupOf([]))).toEqual({
      found: false,
      reason: 'process 4242 could not be read',
    });
  });

  test('cliLeaseOwner: a TTL-only lease (pid 0) with a warning, named by the CI job', async () => {
    const failing = () => Promise.reject(new Error('/bin/ps gave no process table (timeout)'));
    const env = { CI_JOB_ID: '77', CI_SERVER_HOST: 'gitlab.example' };
    const { owner, warning } = await cliLeaseOwner(123, env, 600, { readLookup: failing });
    expect(owner).toEqual({ pid: 0, id: 'gitlab:gitlab.example:77' });
    expect(warning).toBe(
      "no long-lived owner found for the leases (the process table could not be read: /bin/ps gave no process table (timeout)): they last until lease-ttl (600s) or `port-guard release`; name the job's shell with --owner PID",
    );
    const outside = await cliLeaseOwner(0, {}, 600, {
      readLookup: () => Promise.resolve(lookupOf([])),
    });
    expect(outside.owner).toEqual({ pid: 0 });
    expect(outside.warning).toMatch(/parent pid is 0/);
  });
});

test('macOS ps text (procps recording with the same arguments): timeout, xargs sh -c, npx', () => {
  const entries = parsePsProcesses(fixture('procps-ps-timeout-xargs-npx.txt'));
  expect(entries).toHaveLength(8);
  expect(entries[2]).toEqual({
    pid: 20838,
    ppid: 20837,
    start: 'Wed Dec 2 00:53:40 2026',
    argv: ['npm', 'exec', 'rec'],
  });
  const lookup = lookupOf(entries);
  expect(findJobShell(20849, lookup)).toMatchObject({
    found: true,
    pid: 20833,
    start: 'Wed Dec 2 00:53:40 2026',
  });
  expect(findJobShell(20849, lookup)).toMatchObject({
    skipped: [20849, 20838, 20837, 20836, 20835].map((pid) => expect.objectContaining({ pid })),
  });
});

describe('Windows (Win32_Process lines from PowerShell)', () => {
  const lookup = lookupOf(parseWindowsProcesses(fixture('win32-cim-processes.txt')));

  test('parses every row, system processes by name', () => {
    expect(lookup(4)).toEqual({ pid: 4, ppid: 0, argv: ['System'] });
    expect(lookup(5400)).toEqual({
      pid: 5400,
      ppid: 5300,
      exe: 'C:\\Windows\\system32\\cmd.exe',
      argv: ['C:\\Windows\\system32\\cmd.exe', '/d', '/s', '/c', 'port-guard web=auto'],
    });
  });

  test("Git Bash: past cmd.exe /c, npm's npx and the fork stub, to the real bash", () => {
    expect(findJobShell(5400, lookup)).toMatchObject({ found: true, pid: 5100 });
    expect(wrapperReason(lookup(5012)!, lookup(4120))).toBe("Git Bash's launcher");
  });

  test('npx typed in an interactive cmd.exe: that cmd', () => {
    expect(findJobShell(7020, lookup)).toMatchObject({ found: true, pid: 7000 });
  });

  test("a pwsh -command step: the runner's worker", () => {
    expect(findJobShell(6010, lookup)).toMatchObject({ found: true, pid: 4120 });
  });

  test('quoted words', () => {
    expect(windowsWords('"C:\\a b\\x.exe" -c "1 2" 3')).toEqual([
      'C:\\a b\\x.exe',
      '-c',
      '1 2',
      '3',
    ]);
  });

  test('the snapshot runs PowerShell by absolute path, and a silent one is an error', async () => {
    const calls: string[] = [];
    const run: ToolRunner = (command) => {
      calls.push(command);
      return Promise.resolve({ code: 0, stdout: fixture('win32-cim-processes.txt') });
    };
    const got = await readProcessLookup('win32', run);
    expect(got(5100)?.pid).toBe(5100);
    expect(calls[0]).toMatch(/^[A-Z]:\\.*\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe$/i);
    const silent: ToolRunner = () =>
      Promise.resolve({ code: null, stdout: '', failure: 'timeout' });
    await expect(readProcessLookup('win32', silent)).rejects.toThrow(/timeout/);
    await expect(readProcessLookup('darwin', silent)).rejects.toThrow(/\/bin\/ps .*timeout/);
  });
});

test('cmdline words: NUL-separated argv, a rewritten title split on blanks', () => {
  expect(cmdlineWords('bash\0-c\0a b\0')).toEqual(['bash', '-c', 'a b']);
  expect(cmdlineWords('npm run dev\0\0\0\0')).toEqual(['npm', 'run', 'dev']);
});

onLinux('the Linux lookup reads this process and its start token', async () => {
  const lookup = await linuxProcessLookup();
  const me = lookup(process.pid)!;
  expect(me.ppid).toBe(process.ppid);
  expect(me.argv.join(' ')).toContain('node');
  expect(me.start).toMatch(/^\d+@[0-9a-f]{8}$/);
  expect(lookup(2 ** 30)).toBeUndefined();
});

describe('same owner', () => {
  test('the same pid and start time; start time unknown on one side still matches', () => {
    expect(
      sameLeaseOwner(
        { pid: 5, pidStart: 'Wed Dec  2 00:53:40 2026' },
        { pid: 5, pidStart: 'Wed Dec 2 00:53:40 2026' },
      ),
    ).toBe(true);
    expect(sameLeaseOwner({ pid: 5, pidStart: '1@a' }, { pid: 5, pidStart: '2@a' })).toBe(false);
    expect(sameLeaseOwner({ pid: 5 }, { pid: 5, pidStart: '2@a' })).toBe(true);
    expect(sameLeaseOwner({ pid: 5, id: 'a' }, { pid: 5, id: 'b' })).toBe(true);
    expect(sameLeaseOwner({ pid: 5 }, { pid: 6 })).toBe(false);
  });

  test('leases that follow no process: the same job, whatever the step', () => {
    expect(
      sameLeaseOwner(
        { pid: 0, id: 'github:o/r:1:1:test:r1#s1' },
        { pid: 0, id: 'github:o/r:1:1:test:r1#s2' },
      ),
    ).toBe(true);
    expect(sameLeaseOwner({ pid: 0, id: 'gitlab::1' }, { pid: 0, id: 'gitlab::2' })).toBe(false);
    expect(sameLeaseOwner({ pid: 0 }, { pid: 0 })).toBe(false);
    expect(sameLeaseOwner({ pid: 0, id: 'x' }, { pid: 7, id: 'x' })).toBe(false);
  });

  test('a lease that follows no process stays alive; a dead pid does not', async () => {
    expect(await leaseOwnerAlive({ pid: 0 })).toBe(true);
    expect(await leaseOwnerAlive({ pid: 2 ** 30 })).toBe(false);
  });

  test('the job id of each CI system', () => {
    expect(
      jobOwnerId({
        GITHUB_RUN_ID: '9',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_JOB: 'test',
        RUNNER_NAME: 'r1',
      }),
    ).toBe('github:o/r:9:1:test:r1');
    expect(jobOwnerId({ BUILDKITE_JOB_ID: 'b' })).toBe('buildkite:b');
    expect(jobOwnerId({})).toBeUndefined();
  });
});

describe('--owner PID', () => {
  test.each(['0', '-1', 'abc', '1.5', '99999999999', ''])(
    '"%s" is not a process id',
    async (value) => {
      expect(await ownerOption(value)).toEqual({
        problem: `--owner: "${value}" is not a process id (a positive integer)`,
      });
    },
  );

  test('a pid that runs nothing', async () => {
    expect(await ownerOption('1073741824')).toEqual({
      problem: '--owner: "1073741824": no such process is running',
    });
  });

  test('a live process, with its start time', async () => {
    const me = await ownerOption(String(process.pid));
    expect(me).toMatchObject({ pid: process.pid });
    const { owner, warning } = await cliLeaseOwner(1, {}, 60, {
      explicit: me as { pid: number; start?: string },
    });
    expect(warning).toBeUndefined();
    expect(owner.pid).toBe(process.pid);
  });
});
