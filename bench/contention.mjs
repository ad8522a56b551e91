// `node bench/contention.mjs [JOBS] [PORTS_PER_JOB]` (default 40 × 3), also run by
// `npm run bench -- --only contention`: that many concurrent jobs, each a real process of the
// built CLI (dist/cli/index.js), ask for PORTS_PER_JOB auto ports from one range of exactly
// JOBS × PORTS_PER_JOB ports, in a temp lease dir. Every job must succeed and no port may be
// handed out twice; prints the success count, distinctness and the wall time.
//
// Each CLI runs under its own small parent process (the lease owner), which lives until the
// whole bench is over, as a job's shell would: the leases stay held while the others run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const JOBS = Number(process.argv[2] ?? 40);
const PER_JOB = Number(process.argv[3] ?? 3);
const SIZE = JOBS * PER_JOB;
const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

// The owner: starts the CLI, passes on its output and exit code, then stays alive until its
// stdin closes (the bench ends), so its leases are not reclaimed as stale meanwhile.
const OWNER = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '', err = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (err += d));
child.on('close', (code) => {
  process.stdout.write(JSON.stringify({ code, out, err }) + '\\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
});
`;

function isFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/** The first run of SIZE consecutive ports from 20000 up that are all free for TCP now. */
async function freeRange() {
  for (let lo = 20000; lo + SIZE - 1 <= 32000;) {
    let ok = true;
    for (let p = lo; p < lo + SIZE; p++) {
      if (!(await isFree(p))) {
        lo = p + 1;
        ok = false;
        break;
      }
    }
    if (ok) return { lo, hi: lo + SIZE - 1 };
  }
  throw new Error(`no ${SIZE} consecutive free ports between 20000 and 32000`);
}

const { lo, hi } = await freeRange();
const dir = mkdtempSync(join(os.tmpdir(), 'pg-contention-'));
const leaseDir = join(dir, 'leases');
const specs = Array.from({ length: PER_JOB }, (_, i) => `p${i + 1}=auto`);
const args = [CLI, '--format', 'json', '--lease-dir', leaseDir, '--fallback-range', `${lo}-${hi}`];

const started = process.hrtime.bigint();
const owners = [];
const results = await Promise.all(
  Array.from(
    { length: JOBS },
    () =>
      new Promise((resolve) => {
        const owner = spawn(process.execPath, ['-e', OWNER, ...args, ...specs], {
          stdio: ['pipe', 'pipe', 'inherit'],
        });
        owners.push(owner);
        let text = '';
        owner.stdout.on('data', (d) => {
          text += d;
          if (text.includes('\n')) resolve(JSON.parse(text));
        });
      }),
  ),
);
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
for (const owner of owners) owner.stdin.end();
await Promise.all(
  owners.map((o) => new Promise((r) => (o.exitCode !== null ? r() : o.on('exit', r)))),
);
rmSync(dir, { recursive: true, force: true });

const ok = results.filter((r) => r.code === 0);
const ports = ok.flatMap((r) => Object.values(JSON.parse(r.out).ports));
const distinct = new Set(ports).size;
console.log(`contention: ${JOBS} jobs x ${PER_JOB} auto ports from ${lo}-${hi} (${SIZE} ports)`);
console.log(`  succeeded: ${ok.length}/${JOBS}`);
console.log(`  ports handed out: ${ports.length}, distinct: ${distinct}`);
console.log(`  wall time: ${wallMs.toFixed(0)} ms`);
for (const r of results.filter((r) => r.code !== 0))
  console.log(`  failed (exit ${r.code}): ${r.err.trim().split('\n')[0]}`);
process.exitCode = ok.length === JOBS && distinct === ports.length ? 0 : 1;
