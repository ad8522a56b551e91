// Runs steps inside the private mount namespace this process was started in
// (`unshare -m --propagation private node private-mount-run.mjs PLAN_JSON`), so a tmpfs mounted
// here (a tiny one to fill up, or one over /tmp to use the real default lease dir) is seen by
// this process and its children only, and vanishes with them. No shell: argument arrays only.
//
// A directory in `keep` (the checkout, when it lies under a mounted dir such as /tmp) is bound
// back at its own path after the mounts, so the built bundles and this Node stay reachable.
//
// PLAN: { mounts: [{ dir, size }], keep?: [dir], steps: [{ node: [...args], env? } | { fill: file } |
//         { list: dir } | { mode: path }] }; prints one JSON array, one entry per step.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';

const plan = JSON.parse(process.argv[2]);
const mounts = plan.mounts ?? [];
// Opened before the mounts hide them; /proc/<pid>/fd/<n> still reaches the directory after.
const keep = (plan.keep ?? [])
  .filter((dir) => mounts.some((m) => dir.startsWith(`${m.dir}/`)))
  .map((dir) => ({ dir, fd: openSync(dir, 'r') }));
for (const { dir, size } of mounts)
  execFileSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
for (const { dir, fd } of keep) {
  mkdirSync(dir, { recursive: true });
  execFileSync('/usr/bin/mount', [
    '--no-canonicalize',
    '--bind',
    `/proc/${process.pid}/fd/${fd}`,
    dir,
  ]);
}

/** Writes to `file` until the file system says ENOSPC; returns the bytes written. */
function fill(file) {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096, 1);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, chunk);
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return { written };
}

const out = plan.steps.map((step) => {
  if (step.fill) return fill(step.fill);
  if (step.list) {
    try {
      return { entries: readdirSync(step.list).sort() };
    } catch (error) {
      return { error: error.code };
    }
  }
  if (step.mode) return { mode: statSync(step.mode).mode & 0o7777 };
  const r = spawnSync(process.execPath, step.node, {
    env: { ...process.env, ...step.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
});
process.stdout.write(JSON.stringify(out));
