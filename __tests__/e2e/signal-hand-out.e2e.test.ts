/**
 * A signal in the middle of a long hand-out, through the built CLI and action: 2000 auto ports,
 * signalled once the first lease file appears (leasing and probing the first batch) and once
 * half of them are leased. The run ends with 128+n after every lease is given back, and
 * publishes nothing: no port table, no JSON, no GITHUB_OUTPUT line, no summary.
 */
import { readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { testNeeds } from '../support/needs.js';
import { runAction, runCli, scratchDir, type RunOptions } from '../support/run-built.js';

const SPECS = Array.from({ length: 2000 }, (_, i) => `p${i + 1}=auto`).join(' ');
const RANGE = '20000-29999';
const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Signals the child once `dir` holds at least `count` lease files. */
function signalAfter(
  dir: string,
  count: number,
  signal: NodeJS.Signals,
): RunOptions & {
  sentAt: () => number | undefined;
} {
  let sentAt: number | undefined;
  return {
    sentAt: () => sentAt,
    onSpawn: (child) => {
      const check = () => {
        if (sentAt !== undefined) return;
        const leases = entries(dir).filter((n) => n.endsWith('.lease')).length;
        if (leases >= count) {
          sentAt = leases;
          child.kill(signal);
        }
      };
      // Polled, not only watched: the lease dir does not exist yet when the child starts.
      const timer = setInterval(check, 2);
      let watcher: ReturnType<typeof watch> | undefined;
      const tryWatch = () => {
        try {
          watcher ??= watch(dir, check);
        } catch {
          // not there yet
        }
      };
      const watchTimer = setInterval(tryWatch, 2);
      child.on('exit', () => {
        clearInterval(timer);
        clearInterval(watchTimer);
        watcher?.close();
      });
    },
  };
}

describe.each<['cli' | 'action', NodeJS.Signals, number]>([
  ['cli', 'SIGINT', 1],
  ['cli', 'SIGTERM', 1000],
  ['cli', 'SIGHUP', 1],
  ['action', 'SIGTERM', 1],
  ['action', 'SIGINT', 1000],
  ['action', 'SIGHUP', 1000],
])('%s, %s after %i lease files', (front, signal, count) => {
  testNeeds('posix-signals')(
    `ends with ${CODES[signal]}, every lease given back, nothing published`,
    async () => {
      const dir = scratchDir('pg-signal-');
      const leaseDir = join(dir, 'leases');
      const options = signalAfter(leaseDir, count, signal);
      const r =
        front === 'cli'
          ? await runCli(
              ['--lease-dir', leaseDir, '--fallback-range', RANGE, ...SPECS.split(' ')],
              {
                dir,
                ...options,
              },
            )
          : await runAction(
              { ports: SPECS, 'lease-dir': leaseDir, 'fallback-range': RANGE },
              { dir, ...options },
            );
      expect(options.sentAt()).toBeGreaterThanOrEqual(count);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(CODES[signal]);
      expect(r.stdout + r.stderr).toContain(`cancelled by ${signal}`);
      // Nothing left: no lease, no lock, no temp file.
      expect(entries(leaseDir)).toEqual([]);
      if (front === 'cli') {
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      } else {
        const a = r as Awaited<ReturnType<typeof runAction>>;
        expect(a.files.output).toBe('');
        expect(a.files.env).toBe('');
        expect(a.summary).toBe('');
        expect(a.stdout).not.toMatch(/p1=\d/);
        expect(a.stdout).not.toMatch(/^::notice/m);
      }
    },
    60_000,
  );
});
