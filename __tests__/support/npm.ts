/**
 * npm for the package tests: the npm that ships with the node running the tests, run by node
 * itself (no shell), in a clean environment; and the package packed the way `npm publish`
 * would pack it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './run-built.js';

/** npm's CLI script: the one npm put in our environment, else the one beside node. */
export const NPM_CLI: string = (() => {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm) && existsSync(fromNpm)) return fromNpm;
  const beside = join(dirname(process.execPath), 'npm');
  if (existsSync(beside)) return realpathSync(beside);
  return join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
})();

/** npx's CLI script, beside npm's. */
export const NPX_CLI: string = join(dirname(NPM_CLI), 'npx-cli.js');

/** A dev tool's command, found through its package's `bin` (not a node_modules path). */
export function packageBin(name: string, command: string): string {
  const manifest = createRequire(join(ROOT, 'package.json')).resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const file = typeof bin === 'string' ? bin : bin?.[command];
  if (!file) throw new Error(`${name} has no bin ${command}`);
  return join(dirname(manifest), file);
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * A clean environment for npm and what it runs: none of this jest run's npm_* or NODE_OPTIONS.
 * Its temp dir is the run's own, and npm (11, on Node 22+) keeps no compile cache in it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: process.env.HOME ?? '/root',
    TMPDIR: tmpdir(),
    NODE_DISABLE_COMPILE_CACHE: '1',
    CI: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs `node <file> ...args`; resolves its exit code, output and wall time (never rejects). */
export function runNode(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 240_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

export const npm = (args: string[], options: Parameters<typeof runNode>[2]) =>
  runNode(NPM_CLI, args, options);

/** `npm pack` of this repository into `dest`; resolves the tarball's path. */
export async function packInto(dest: string): Promise<string> {
  const r = await npm(['pack', '--json', '--pack-destination', dest], {
    cwd: ROOT,
    env: cleanEnv(),
  });
  if (r.code !== 0) throw new Error(`npm pack failed (${r.code}): ${r.stderr}`);
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string }>;
  return join(dest, info.filename);
}
