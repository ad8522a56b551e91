/**
 * The README's shell recipe, run as written by bash and by dash (sh) against the built CLI:
 * a busy port stops a `set -e` script; a free one sets the variables. The one-liner
 * `eval "$(port-guard --format env …)"` is stopped too, by the `(exit N)` line.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { holdPort, type HolderProcess } from '../support/holder-process.js';

const SHELLS = ['/bin/bash', '/bin/dash'].filter((s) => existsSync(s));

let held: HolderProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * The recipe's lines from the README's first shell block: the `--format env` line and the line
 * that reads its output (`. ./ports.env` or `eval`), with the test's own specs in it.
 */
function readmeRecipe(specs: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Other CI systems'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  const lines = block.split('\n');
  const start = lines.findIndex((l) => l.includes('--format env'));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(lines[start + 1]).toMatch(/^(eval |\. )/);
  const run = lines[start]
    .replace(/^npx --yes port-guard@\S+/, 'port-guard')
    .replace(/--format env [^>)"#]*/, `--format env ${specs} `);
  return [run, lines[start + 1]];
}

/** A directory with `port-guard` on PATH: the built CLI, with this test's own lease dir. */
function toolDir(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'pg-recipe-'));
  dirs.push(dir);
  const wrapper = join(dir, 'port-guard');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec "${process.execPath}" "${resolve('dist/cli/index.js')}" --lease-dir "${join(dir, 'leases')}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return { dir, env: { PATH: `${dir}:/usr/bin:/bin`, TMPDIR: dir } };
}

function runShell(
  shell: string,
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // No startup files: bash reads ~/.bashrc when its stdin looks like a remote shell's.
    const args = shell.endsWith('bash') ? ['--norc', '--noprofile', '-c', script] : ['-c', script];
    execFile(shell, args, { env, cwd: env.TMPDIR, timeout: 30000 }, (err, stdout, stderr) => {
      const code = err ? (err as { code?: number }).code : 0;
      done({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

test.each(SHELLS)(
  '%s: the README recipe stops a set -e script when a port is busy',
  async (shell) => {
    const h = await holdPort({ host: '127.0.0.1' });
    held.push(h);
    const { env } = toolDir();
    const [assign, evaluate] = readmeRecipe(`db=${h.port} web=auto`);
    const script = ['set -e', assign, evaluate, 'echo "reached DB=$DB"'].join('\n');
    const r = await runShell(shell, script, env);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('reached');
    expect(r.stderr).toContain(`db: port ${h.port}/tcp is in use`);
  },
);

test.each(SHELLS)(
  '%s: the README recipe sets the variables when the ports are free',
  async (shell) => {
    const { env } = toolDir();
    const free = await holdPort({ host: '127.0.0.1' });
    const port = free.port;
    await free.stop();
    const [assign, evaluate] = readmeRecipe(`db=${port} web=auto`);
    const script = ['set -e', assign, evaluate, 'echo "DB=$DB WEB=$WEB"'].join('\n');
    const r = await runShell(shell, script, env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(new RegExp(`^DB=${port} WEB=\\d+\\n$`));
  },
);

test.each(SHELLS)(
  '%s: even eval "$(port-guard --format env …)" stops set -e, on a conflict and on bad input',
  async (shell) => {
    const h = await holdPort({ host: '127.0.0.1' });
    held.push(h);
    const { env } = toolDir();
    for (const [specs, code] of [
      [`db=${h.port}`, 1],
      ['path=auto', 2],
    ] as const) {
      const r = await runShell(
        shell,
        `set -e\neval "$(port-guard --format env ${specs})"\necho reached`,
        env,
      );
      expect([specs, r.code, r.stdout]).toEqual([specs, code, '']);
    }
  },
);
