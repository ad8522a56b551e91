// Two hand-outs at the same moment on one host, sharing the default lease dir: runs two CLIs
// concurrently, each asking for K/2 auto ports with `--fallback-strategy sequential` from the
// same K free ports LO-HI, without --lease-dir. Sequential means both start from the lowest
// port, so they get disjoint ports only if the lease dir really serializes them: every port of
// the range handed out exactly once. Then `release` gives them back (the leases belong to this
// process, the CLIs' parent) and the default lease dir DIR must hold none of them.
// `node concurrent.mjs LO HI DIR`. What this proves: two allocators racing on one host with the
// default dir never share a port. It does not prove sharing across OS users.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [lo, hi] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4];
const cli = join(process.cwd(), 'dist', 'cli', 'index.js');
const k = hi - lo + 1;
const problems = [];

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const specs = (tag) => Array.from({ length: k / 2 }, (_, i) => `${tag}${i}=auto`);
const guard = (tag) =>
  run([
    '--format',
    'json',
    '--fallback-range',
    `${lo}-${hi}`,
    '--fallback-strategy',
    'sequential',
    ...specs(tag),
  ]);
const results = await Promise.all([guard('a'), guard('b')]);
const given = new Map();
for (const [i, r] of results.entries()) {
  console.log(`hand-out ${i + 1}: exit ${r.code}\n${r.stdout}${r.stderr}`);
  if (r.code !== 0) {
    problems.push(`hand-out ${i + 1} exited ${r.code}: ${r.stderr.trim()}`);
    continue;
  }
  for (const [name, port] of Object.entries(JSON.parse(r.stdout).ports)) {
    if (port < lo || port > hi) problems.push(`${name}: ${port} is outside ${lo}-${hi}`);
    if (given.has(port)) problems.push(`${port} went to ${given.get(port)} and to ${name}`);
    given.set(port, name);
  }
}
if (problems.length === 0 && given.size !== k)
  problems.push(`${given.size} distinct ports handed out, expected ${k}`);

const leased = () => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.lease'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      .filter((l) => given.has(l.port) && l.protocol === 'tcp');
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
};
const before = leased();
console.log(`${before.length} of those ports are leased in ${dir}`);
if (problems.length === 0 && before.length !== k)
  problems.push(
    `${before.length} leases in ${dir}, expected ${k}: the CLI did not use the default lease dir`,
  );
const release = await run(['release']);
console.log(`release: exit ${release.code}\n${release.stdout}${release.stderr}`);
const after = leased();
if (after.length > 0)
  problems.push(`after release, still leased: ${after.map((l) => l.port).join(', ')}`);

if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}
console.log(`ok: ${k} ports, each handed out once, all released`);
