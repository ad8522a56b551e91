// Where port-guard's time goes: runs one workload in a loop under the V8 CPU profiler and
// prints the functions with the most self time. Needs the engine bundle (`npm run bench` once).
//   node bench/profile.js check1000|check1|handout100|handout100-leases [rounds]
import { Session } from 'node:inspector/promises';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPortGuard } from './port-guard.js';
import { floorIsFree } from './floor.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [workload = 'check1000', roundsArg = '20'] = process.argv.slice(2);
const rounds = Number(roundsArg);

async function freePorts(count) {
  const out = [];
  for (let p = 61000; out.length < count; p++) if (await floorIsFree(p)) out.push(p);
  return out;
}

const pg = await loadPortGuard(ROOT);
if (pg.missing) throw new Error(pg.missing);
const guard = pg.contenders.find((c) => c.name === 'port-guard');
const leased = pg.handers.find((c) => c.name === 'port-guard+leases');
const plain = pg.handers.find((c) => c.name === 'port-guard');
const ports = await freePorts(workload === 'check1' ? 1 : 1000);
const tasks = {
  check1000: () => guard.check(ports),
  check1: () => guard.check(ports),
  handout100: () => plain.handOut(100, 49152, 65535),
  'handout100-leases': async () => leased.afterHandOut(await leased.handOut(100, 49152, 65535)),
};
const task = tasks[workload];
if (!task) throw new Error(`unknown workload ${workload}`);
await task();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) await task();
const wall = Number(process.hrtime.bigint() - t0) / 1e6;
const { profile } = await session.post('Profiler.stop');
mkdirSync(join(ROOT, '.bench-tmp'), { recursive: true });
const file = join(ROOT, `.bench-tmp/${workload}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));

const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
const self = new Map();
for (const node of profile.nodes) {
  const f = node.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * dt);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
console.log(
  `${workload}: ${rounds} rounds, ${(wall / rounds).toFixed(2)} ms per round (profiled; ${file})`,
);
console.log('self ms per round  function');
for (const [k, ms] of top) console.log(`${(ms / rounds).toFixed(2).padStart(17)}  ${k}`);
