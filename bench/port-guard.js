// The one place that knows port-guard's engine API. The engine is bundled for the bench from
// bench/port-guard-entry.ts into .bench-tmp/pg/ (gitignored) by buildPortGuard(), so the bench
// runs the same compiled code the action ships, without a TypeScript step at run time.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bundles the engine; returns a reason string when it cannot. */
export function buildPortGuard(root) {
  const entry = join(root, 'bench/port-guard-entry.ts');
  if (!existsSync(entry)) return 'bench/port-guard-entry.ts is missing (engine not merged yet)';
  const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  try {
    execFileSync(
      process.execPath,
      [
        ncc,
        'build',
        entry,
        '-o',
        join(root, '.bench-tmp/pg'),
        '--quiet',
        '--target',
        'es2022',
        '--transpile-only',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    return `ncc failed: ${
      String(error.stderr ?? error.message)
        .trim()
        .split('\n')[0]
    }`;
  }
  return undefined;
}

/**
 * Loads the bundled engine and wraps it as bench contenders; resolves
 * { contenders, leased, udpCheck } or { missing: reason }.
 */
export async function loadPortGuard(root) {
  const bundle = join(root, '.bench-tmp/pg/index.js');
  if (!existsSync(bundle)) return { missing: 'engine bundle not built' };
  const pg = await import(pathToFileURL(bundle).href);
  return adapt(pg, root);
}

const tcp = (ports) => ports.map((port) => ({ port, protocol: 'tcp' }));
const autoSpecs = (n) => Array.from({ length: n }, (_, i) => `p${i}=auto`).join(',');

/**
 * Wraps the engine. Two check rows: `port-guard` runs what a front runs for a check (config,
 * the plan with its start-up self-test, allocation) on every call; `port-guard probePorts`
 * is the probe pool alone with the plan made once, to show where the time goes.
 */
async function adapt(pg, root) {
  const need = ['parseConfig', 'guardPorts', 'createProbePlan', 'probePorts'];
  const absent = need.filter((n) => typeof pg[n] !== 'function');
  if (absent.length) return { missing: `engine bundle lacks ${absent.join(', ')}` };
  const run = async (raw, options) => {
    const config = pg.parseConfig({ lease: 'false', summary: 'false', ...raw });
    return pg.guardPorts(config, options);
  };
  const busyFlags = (ports, result) => {
    const busy = new Set(result.conflicts.map((c) => c.port));
    return ports.map((p) => busy.has(p));
  };
  const check = (protocol) => async (ports) =>
    busyFlags(ports, await run({ ports: ports.join(','), protocol }));
  let plan;
  const contenders = [
    { name: 'port-guard', check: check('tcp') },
    {
      name: 'port-guard probePorts',
      async check(ports) {
        plan ??= await pg.createProbePlan('all');
        const verdicts = await pg.probePorts(tcp(ports), plan);
        return verdicts.map((v) => v.verdict !== 'free');
      },
    },
  ];
  const handOut = (options) => async (n, lo, hi) => {
    const result = await run(
      {
        ports: autoSpecs(n),
        'fallback-range': `${lo}-${hi}`,
        ...(options ? { lease: 'true' } : {}),
      },
      options ? await options() : undefined,
    );
    if (!result.ok) throw new Error(result.error ?? 'allocation failed');
    return result.assignments.map((a) => a.port);
  };
  const handers = [{ name: 'port-guard', handOut: handOut() }];
  const notes = [
    '**port-guard**: `guardPorts(parseConfig({ports, lease: "false"}))` per call — config, probe plan with its start-up self-test, allocation; busy = listed in `conflicts`. Hand-out: `p0=auto,…` specs',
    '**port-guard probePorts**: `probePorts(queries, plan)` with the plan made once per process (the engine core alone)',
  ];
  if (typeof pg.openLeaseRegistry === 'function') {
    const dir = join(root, '.bench-tmp/work/leases');
    let registry;
    handers.push({
      name: 'port-guard+leases',
      handOut: handOut(async () => {
        registry = await pg.openLeaseRegistry({
          dir,
          ttlSeconds: 600,
          owner: { pid: process.pid },
        });
        return { leases: registry };
      }),
      // The post step's job, outside the timed part: give the ports back for the next round.
      async afterHandOut(ports) {
        for (const p of ports ?? []) await registry?.release(p, 'tcp');
      },
    });
    notes.push(
      '**port-guard+leases**: as port-guard, with `openLeaseRegistry` (one lease file per port) opened per call; leases released between rounds, untimed',
    );
  } else {
    notes.push('port-guard+leases: not measured (lease registry not in the engine bundle)');
  }
  return {
    contenders,
    handers,
    udpCheckers: [['port-guard', check('udp')]],
    notes,
  };
}
