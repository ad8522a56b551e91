// Starts hold.mjs detached from the step (its own process group, no inherited pipes, so the
// runner does not wait for it when the step ends), waits until its sockets are open, and
// publishes {name: port} and `pid` as step outputs. Same arguments as hold.mjs, minus READY_FILE.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specs = process.argv.slice(2);
const ready = join(mkdtempSync(join(tmpdir(), 'port-guard-e2e-')), 'ready.json');
const holder = join(dirname(fileURLToPath(import.meta.url)), 'hold.mjs');
const child = spawn(process.execPath, [holder, ready, ...specs], {
  detached: true,
  stdio: 'ignore',
  windowsHide: true,
});
child.unref();

const deadline = Date.now() + 20_000;
while (!existsSync(ready)) {
  if (Date.now() > deadline) {
    console.error('holders did not start within 20 s');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 50));
}
const state = JSON.parse(readFileSync(ready, 'utf8'));
rmSync(dirname(ready), { recursive: true, force: true });
if (state.error) {
  console.error(`holders could not start: ${state.error}`);
  process.exit(1);
}
const lines = [...Object.entries(state.ports), ['pid', state.pid]].map(([k, v]) => `${k}=${v}`);
console.log(lines.join('\n'));
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines.join('\n') + '\n');
