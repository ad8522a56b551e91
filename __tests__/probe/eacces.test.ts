/**
 * What a real EACCES means on each platform: a port below 1024 bound as an unprivileged user
 * (uid 65534) gives a real EACCES here; the probe's platform then decides its words. The probe
 * code runs as that user from a plain-JS copy of src/.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testAsRoot } from '../support/holder-process.js';
import { transpileHolders } from '../support/transpiled-holders.js';

const run = promisify(execFile);
let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `body` (an ES module using the plain-JS copy of src/) as uid 65534; parses its JSON. */
async function asNobody(name: string, body: string): Promise<unknown> {
  dir ??= transpileHolders();
  const script = join(dir, name);
  writeFileSync(script, body, { mode: 0o644 });
  const { stdout } = await run('setpriv', [
    '--reuid=65534',
    '--regid=65534',
    '--clear-groups',
    process.execPath,
    script,
  ]);
  return JSON.parse(stdout);
}

testAsRoot(
  'EACCES: privilege on Linux and macOS, reserved or a refusing holder on Windows',
  async () => {
    dir = transpileHolders();
    const script = join(dir, 'eacces.mjs');
    writeFileSync(
      script,
      "import { probeAddress } from './probe/probe.js';\n" +
        "const target = { address: '127.0.0.1', family: 4 };\n" +
        'const out = {};\n' +
        "for (const [name, platform, excluded] of [['linux', 'linux'], ['darwin', 'darwin'], ['win32', 'win32', []], ['win32-excluded', 'win32', [{ lo: 1, hi: 1023 }]]])\n" +
        '  out[name] = await probeAddress(81, "tcp", target, platform, excluded);\n' +
        'console.log(JSON.stringify(out));\n',
      { mode: 0o644 },
    );
    const { stdout } = await run('setpriv', [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      process.execPath,
      script,
    ]);
    const base = { address: '127.0.0.1', family: 4, code: 'EACCES' };
    expect(JSON.parse(stdout)).toEqual({
      linux: { ...base, verdict: 'denied', reason: 'privileged' },
      darwin: { ...base, verdict: 'denied', reason: 'needs-root' },
      // Outside the excluded ranges: in use by a holder that refuses to share; looked up, waited for.
      win32: { ...base, verdict: 'in-use', reason: 'exclusive' },
      'win32-excluded': { ...base, verdict: 'denied', reason: 'reserved' },
    });
  },
);

testAsRoot(
  'Windows: an EACCES outside the excluded ranges is a conflict whose holder is looked up and waited for',
  async () => {
    const body = `
import { allocatePorts } from './allocate/allocate.js';
import { buildProbePlan } from './probe/probe-plan.js';
import { parseConfig } from './spec/config.js';
const config = parseConfig({ ports: 'db=81', wait: '1', lease: 'false', hosts: '127.0.0.1' });
const out = {};
for (const [name, excluded] of [['outside', []], ['inside', [{ lo: 80, hi: 90 }]]]) {
  const plan = buildProbePlan({ platform: 'win32', interfaces: [], hosts: ['127.0.0.1'], excluded });
  const looked = [];
  let waited = 0;
  let slept = 0;
  let clock = 0;
  const result = await allocatePorts(config, {
    plan,
    findHolders: async (queries) => {
      looked.push(...queries);
      return queries.map((q) => ({ ...q, addresses: ['0.0.0.0'], state: 'listen', pid: 6120, command: 'postgres.exe' }));
    },
    onWait: () => waited++,
    now: () => clock,
    sleep: async (ms) => { slept++; clock += ms; },
  });
  out[name] = { ok: result.ok, conflicts: result.conflicts, looked, waited, slept };
}
console.log(JSON.stringify(out));
`;
    const out = (await asNobody('eacces-allocate.mjs', body)) as Record<
      string,
      { ok: boolean; conflicts: Array<Record<string, unknown>>; looked: unknown[]; slept: number }
    >;
    expect(out.outside.ok).toBe(false);
    expect(out.outside.conflicts).toEqual([
      expect.objectContaining({
        port: 81,
        verdict: 'in-use',
        reason: 'exclusive',
        code: 'EACCES',
        holders: [expect.objectContaining({ pid: 6120, command: 'postgres.exe' })],
      }),
    ]);
    expect(out.outside.looked).toEqual([{ port: 81, protocol: 'tcp' }]);
    // Waited (re-probed after sleeping) until the deadline, as for any holder.
    expect(out.outside.slept).toBeGreaterThan(0);
    // Inside an excluded range: reserved, nobody to look up, nothing to wait for.
    expect(out.inside.conflicts).toEqual([
      expect.objectContaining({ verdict: 'denied', reason: 'reserved', holders: [] }),
    ]);
    expect(out.inside.looked).toEqual([]);
    expect(out.inside.slept).toBe(0);
  },
);
