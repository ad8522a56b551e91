// Lease costs: `node bench/lease-bench.mjs [rounds]`
// 1. the median cost a lease adds per port: acquire + release of a free lease, one process;
// 2. acquire of a port another live process holds (read + owner liveness check);
// 3. 50 processes started together, each taking 4 ports from one 200-port range: wall time
//    from "go" to every process holding its ports, and from spawn to all released and exited.
// The registry is bundled with ncc first (as the action is), into a temporary directory.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const rounds = Number(process.argv[2] ?? 2000);
const out = mkdtempSync(path.join(os.tmpdir(), 'pg-lease-bench-bundle-'));
execFileSync(process.execPath, [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  'src/lease/lease-registry.ts',
  '-o',
  out,
  '--quiet',
  '--target',
  'es2022',
]);
const bundle = path.join(out, 'index.js');
const { openLeaseRegistry } = await import(bundle);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (ms) => `${(ms * 1000).toFixed(0)} µs`;

const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pg-lease-bench-')), 'leases');
const registry = await openLeaseRegistry({ dir, ttlSeconds: 3600, owner: { pid: process.pid } });
const costs = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
  const port = 20000 + (i % 40000);
  const t0 = performance.now();
  await registry.acquire(port, 'tcp');
  await registry.release(port, 'tcp');
  costs.push(performance.now() - t0);
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `acquire+release, free port (${rounds} rounds): CPU ${fmt((cpu.user + cpu.system) / 1000 / rounds)} per port (this process, all threads), wall median ${fmt(quantile(costs, 0.5))}, p90 ${fmt(quantile(costs, 0.9))}`,
);

const other = await openLeaseRegistry({ dir, ttlSeconds: 3600, owner: { pid: process.ppid } });
for (let i = 0; i < 200; i++) await other.acquire(30000 + i, 'tcp');
const refused = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  await registry.acquire(30000 + (i % 200), 'tcp');
  refused.push(performance.now() - t0);
}
console.log(
  `acquire refused (held by a live process): median ${fmt(quantile(refused, 0.5))}, p90 ${fmt(quantile(refused, 0.9))}`,
);
await other.releaseAll();

// 50 concurrent allocating processes.
const fixture = path.resolve('__tests__/fixtures/lease-child.mjs');
const job = JSON.stringify({ mode: 'range', lo: 41000, hi: 41199, count: 4 });
const spawned = performance.now();
const children = Array.from({ length: 50 }, () => {
  const child = spawn(process.execPath, [fixture, bundle, dir, job], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  const waiters = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()(l) : queue.push(l)));
  const next = () =>
    queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => waiters.push(r));
  const exited = new Promise((r) => child.on('exit', r));
  return { child, next, exited };
});
await Promise.all(children.map((c) => c.next()));
const ready = performance.now();
const go = performance.now();
for (const c of children) c.child.stdin.write('go\n');
const results = await Promise.all(children.map(async (c) => JSON.parse(await c.next())));
const allocated = performance.now();
for (const c of children) c.child.stdin.write('release\n');
await Promise.all(children.map((c) => c.exited));
const done = performance.now();
const ports = results.flatMap((r) => r.got);
console.log(
  `50 processes x 4 ports from 200: ${new Set(ports).size} distinct of ${ports.length}; ` +
    `go -> all allocated ${(allocated - go).toFixed(0)} ms; spawn -> all ready ${(ready - spawned).toFixed(0)} ms; ` +
    `spawn -> all released and exited ${(done - spawned).toFixed(0)} ms; lease dir left with ${readdirSync(dir).length} files`,
);
rmSync(path.dirname(dir), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
