/**
 * Nothing left behind, through the built action and CLI: after success, conflict, bad input and
 * a signal in the middle of a long wait, no socket of the run was left open (strace: every
 * AF_INET/AF_INET6 socket it opened was closed by the run itself, not by its exit), no lease of
 * a failed run, no temp file; while it waits it holds no bound socket (/proc/net); a signal ends
 * it through its cleanup with 130/143.
 */
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { holdPort, type HolderProcess } from '../support/holder-process.js';
import { boundSocketsOf } from '../support/proc-sockets.js';
import { testNeeds } from '../support/needs.js';
import {
  runAction,
  runCli,
  scratchDir,
  straceAvailable,
  type RunOptions,
  type RunResult,
} from '../support/run-built.js';

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
if (!straceAvailable)
  console.warn('strace cannot run here: socket-leak checks at exit are skipped');

let held: HolderProcess;
beforeAll(async () => {
  held = await holdPort({ protocol: 'tcp', host: '127.0.0.1' });
});
afterAll(() => held.stop());

type Front = 'action' | 'cli';

/** Runs one front with the same options; the action gets them as inputs, the CLI as flags. */
async function run(
  front: Front,
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<RunResult & { outputs?: Record<string, string>; leaseDir: string }> {
  const dir = scratchDir();
  const leaseDir = join(dir, 'leases');
  const all: Record<string, string> = { 'lease-dir': leaseDir, ...inputs };
  if (front === 'action') {
    const r = await runAction(all, { trace: true, dir, ...options });
    return { ...r, leaseDir };
  }
  const { ports, ...rest } = all;
  const args = [...Object.entries(rest).map(([k, v]) => `--${k}=${v}`), '--', ports];
  return { ...(await runCli(args, { trace: true, dir, ...options })), leaseDir };
}

function leaseFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function expectClean(r: RunResult & { leaseDir: string }, failed: boolean): void {
  if (r.openAtExit) expect(r.openAtExit).toEqual([]);
  expect(readdirSync(r.tmp)).toEqual([]);
  if (failed) expect(leaseFiles(r.leaseDir)).toEqual([]);
}

/** A port the OS just gave out and took back: free now (if taken meanwhile, a conflict too). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = s.address() as import('node:net').AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function canListen(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    s.listen({ port, host, exclusive: true }, () => s.close(() => resolve(null)));
  });
}

describe.each<Front>(['action', 'cli'])('%s', (front) => {
  test('success: exit 0, every probe socket closed, the handed-out ports bindable at once', async () => {
    const r = await run(front, {
      ports: 'web=auto api=auto',
      'fallback-range': '40000-48000',
      ...(front === 'cli' ? { format: 'json' } : {}),
    });
    expect(r.code).toBe(0);
    expect(r.inetSockets === undefined || r.inetSockets.length > 0).toBe(true);
    expectClean(r, false);
    const ports =
      front === 'action'
        ? Object.values(JSON.parse(r.outputs!.ports))
        : Object.values(JSON.parse(r.stdout).ports);
    expect(ports).toHaveLength(2);
    // The handed-out ports stay leased for the job; nothing else (no lock, no temp file) stays.
    expect(leaseFiles(r.leaseDir).sort()).toEqual(
      (ports as number[]).map((p) => `tcp-${p}.lease`).sort(),
    );
    for (const port of ports as number[])
      for (const host of ['::', '0.0.0.0', '127.0.0.1'])
        expect(await canListen(port, host)).toBeNull();
  });

  test('conflict: exit 1, nothing left open, no lease', async () => {
    const r = await run(front, { ports: `web=${held.port}` });
    expect(r.code).toBe(1);
    expectClean(r, true);
  });

  test('bad input: exit 1 (action) or 2 (CLI), no socket opened at all', async () => {
    const r = await run(front, { ports: 'web=0x50' });
    expect(r.code).toBe(front === 'action' ? 1 : 2);
    if (r.inetSockets) expect(r.inetSockets).toEqual([]);
    expectClean(r, true);
  });

  describe.each<[string, NodeJS.Signals[], number]>([
    ['SIGTERM', ['SIGTERM'], 143],
    ['SIGINT then SIGTERM (a cancelled runner step)', ['SIGINT', 'SIGTERM'], 130],
  ])('%s in the middle of a long wait', (_label, signals, code) => {
    testNeeds('linux', 'posix-signals')(
      `holds no bound socket while waiting, ends with ${code} through its cleanup`,
      async () => {
        let boundWhileWaiting: string[] | undefined;
        let sent = false;
        const r = await run(
          front,
          // `spare` is free: it is leased before the wait starts, and must be released.
          { ports: `web=${held.port} spare=${await freePort()}`, wait: '600' },
          {
            onOutput: ({ stdout, stderr }, nodePid) => {
              if (sent || !/waiting up to 600 s/.test(stdout + stderr)) return;
              sent = true;
              const pid = nodePid();
              // A probe's socket lives for microseconds; one that stays across samples is a leak.
              const samples: string[][] = [];
              const sample = () => samples.push(boundSocketsOf(pid));
              sample();
              setTimeout(() => {
                sample();
                setTimeout(() => {
                  sample();
                  boundWhileWaiting = samples[0].filter((s) => samples.every((x) => x.includes(s)));
                  // Both at once: the second arrives while the first one's cleanup runs.
                  for (const s of signals) process.kill(pid, s);
                }, 300);
              }, 300);
            },
          },
        );
        expect(sent).toBe(true);
        expect(boundWhileWaiting).toEqual([]);
        expect(r.signal).toBeNull();
        // Sent together, the two signals may be taken by two threads of node in either order:
        // whichever was taken first decides the exit code; the other must not cut the cleanup
        // short (the process exits by itself, not by the signal).
        const first = /cancelled by (SIG[A-Z]+)/.exec(r.stdout + r.stderr)?.[1] as NodeJS.Signals;
        expect(signals).toContain(first);
        expect(r.code).toBe(first === signals[0] ? code : EXIT_CODES[first]);
        if (front === 'action') expect(r.outputs).toEqual({});
        expectClean(r, true);
      },
    );
  });
});

describe('controls: the checks above can fail', () => {
  testNeeds('strace')(
    'a process that exits while listening shows its socket as left open',
    async () => {
      const { spawn } = await import('node:child_process');
      const { readFileSync } = await import('node:fs');
      const { inetSocketsLeftOpen } = await import('../support/run-built.js');
      const log = join(scratchDir(), 'strace.log');
      const script = "require('net').createServer().listen(0, '127.0.0.1', () => process.exit(0))";
      await new Promise((done) =>
        spawn(
          'strace',
          ['-f', '-qq', '-e', 'trace=socket,close', '-o', log, process.execPath, '-e', script],
          { stdio: 'ignore' },
        ).on('close', done),
      );
      expect(inetSocketsLeftOpen(readFileSync(log, 'utf8')).length).toBeGreaterThan(0);
    },
  );

  testNeeds('linux')("a holder's listening socket is seen in /proc", () => {
    expect(boundSocketsOf(held.pid).length).toBe(1);
  });
});
