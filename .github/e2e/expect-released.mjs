// Adds a check for the after-post action (after-post/post.mjs) to
// $RUNNER_TEMP/port-guard-e2e-expect.json: `node expect-released.mjs WHAT DIR [PORT/PROTOCOL...]`
// (no ports: the dir must hold no lease at all once the post steps have run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [what, dir, ...ports] = process.argv.slice(2);
if (!what || !dir) {
  console.error('usage: node expect-released.mjs WHAT DIR [PORT/PROTOCOL...]');
  process.exit(2);
}
const file = join(process.env.RUNNER_TEMP ?? '', 'port-guard-e2e-expect.json');
const state = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { checks: [] };
const check = { what, dir };
if (ports.length > 0)
  check.ports = ports.map((p) => {
    const [port, protocol] = p.split('/');
    if (!/^\d+$/.test(port) || !['tcp', 'udp'].includes(protocol)) {
      console.error(`bad port "${p}"`);
      process.exit(2);
    }
    return { port: Number(port), protocol };
  });
state.checks.push(check);
writeFileSync(file, JSON.stringify(state, null, 2));
console.log(
  `after the post steps, ${dir} must hold no lease ${ports.length ? `on ${ports.join(' ')}` : 'at all'} (${what})`,
);
