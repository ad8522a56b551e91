// Runs one odd-host scenario inside the network namespace this process was started in
// (`unshare -n node netns-run.mjs PLAN_JSON`): set the namespace up, start holders, run the
// built CLI, optionally change the host while the CLI waits, and print the outcome as JSON.
// No shell anywhere: every command is an argument array.
//
// PLAN: { setup: [[file, ...args]], holders: [{ protocol, host, port? }],
//         cli: { args: [...], uid?: number, nofile?: number, timeoutMs?, countEmfile? },
//         whileWaiting?: [[file, ...args]], stopHoldersWhileWaiting?: boolean }
// In cli.args, "{h0}", "{h1}"... are replaced by the holders' ports.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const plan = JSON.parse(process.argv[2]);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = join(root, 'dist', 'cli', 'index.js');
const out = { setup: [], holders: [] };

for (const [file, ...args] of plan.setup ?? []) {
  try {
    execFileSync(file, args, { stdio: 'pipe' });
    out.setup.push({ cmd: [file, ...args].join(' '), ok: true });
  } catch (err) {
    out.setup.push({
      cmd: [file, ...args].join(' '),
      ok: false,
      error: String(err.stderr || err.message),
    });
  }
}

const HOLDER = `
const [protocol, host, port] = process.argv.slice(1);
const done = (p) => process.stdout.write(p + '\\n');
const fail = (e) => { process.stdout.write('error ' + (e.code || e.message) + '\\n'); process.exit(1); };
if (protocol === 'tcp') {
  const s = require('net').createServer();
  s.once('error', fail);
  s.listen({ host, port: Number(port), exclusive: true }, () => done(s.address().port));
} else {
  const s = require('dgram').createSocket(host.includes(':') ? 'udp6' : 'udp4');
  s.once('error', fail);
  s.bind({ address: host, port: Number(port), exclusive: true }, () => done(s.address().port));
}
setInterval(() => {}, 1 << 30);
`;

const holderProcs = [];
function startHolder({ protocol, host, port = 0 }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', HOLDER, protocol, host, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    holderProcs.push(child);
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve(text.trim());
    });
  });
}
for (const h of plan.holders ?? []) {
  const said = await startHolder(h);
  out.holders.push(
    said.startsWith('error') ? { ...h, error: said.slice(6) } : { ...h, port: Number(said) },
  );
}

// Leases are per host, and this namespace is a host of its own: its leases go to a directory
// of its own (sticky and shared like /tmp, for the unprivileged runs), removed at the end.
const leaseDir = mkdtempSync(join(tmpdir(), 'netns-leases-'));
chmodSync(leaseDir, 0o1777);
const args = [
  `--lease-dir=${leaseDir}`,
  ...plan.cli.args.map((a) =>
    a.replace(/\{h(\d+)\}/g, (_, i) => String(out.holders[Number(i)].port)),
  ),
];
let file = process.execPath;
let argv = [cliPath, ...args];
const straceLog = join(process.env.TMPDIR ?? '/tmp', `netns-run-${process.pid}.strace`);
if (plan.cli.countEmfile) {
  argv = ['-f', '-qq', '-e', 'trace=socket', '-o', straceLog, file, ...argv];
  file = 'strace';
}
if (plan.cli.nofile) {
  argv = [`--nofile=${plan.cli.nofile}:${plan.cli.nofile}`, file, ...argv];
  file = 'prlimit';
}
if (plan.cli.uid !== undefined) {
  argv = [`--reuid=${plan.cli.uid}`, `--regid=${plan.cli.uid}`, '--clear-groups', file, ...argv];
  file = 'setpriv';
}
out.cli = await new Promise((resolve) => {
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
  let stdout = '';
  let stderr = '';
  let changed = false;
  // A hang is an answer too: report it rather than wait for jest's timeout.
  const timer = setTimeout(() => child.kill('SIGKILL'), plan.cli.timeoutMs ?? 60_000);
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!changed && /waiting up to/.test(stderr)) {
      changed = true;
      for (const [f, ...a] of plan.whileWaiting ?? []) execFileSync(f, a, { stdio: 'pipe' });
      if (plan.stopHoldersWhileWaiting) for (const h of holderProcs) h.kill();
    }
  });
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, stdout, stderr, changedWhileWaiting: changed });
  });
});
for (const h of holderProcs) h.kill();
rmSync(leaseDir, { recursive: true, force: true });
if (plan.cli.countEmfile) {
  out.cli.emfile = readFileSync(straceLog, 'utf8')
    .split('\n')
    .filter((l) => l.includes('EMFILE')).length;
  rmSync(straceLog);
}
process.stdout.write(JSON.stringify(out));
