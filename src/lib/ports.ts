/**
 * The library front: guardPorts, getPort, releasePorts and whoHolds over the same engine as the
 * action and the CLI. Leases belong to the calling process (or `owner`): they end when it exits
 * (their owner is gone) or when it gives them back.
 */
import type { AllocationResult } from '../allocate/allocate.js';
import { guardPorts as runEngine, requestedPorts } from '../allocate/guard.js';
import { findHoldersWhenNeeded } from '../holders/lookup.js';
import { InputError, InputErrors } from '../spec/input-error.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { openLeaseRegistry, releaseLeases } from '../lease/lease-registry.js';
import { conflictsJson } from '../report/outputs.js';
import { libraryConfig, underOptionNames } from './options.js';
import type {
  GetPortOptions,
  GuardPortsOptions,
  GuardPortsResult,
  PortConflict,
  ReleasedPort,
} from './types.js';

/**
 * Ports this process leased through the library and still holds, by lease dir: an `auto` port
 * is never one of them (the registry would see our own lease, not a stranger's).
 */
const heldByUs = new Map<string, Set<number>>();

function noteHeld(dir: string, ports: number[], held: boolean): void {
  const set = heldByUs.get(dir) ?? new Set<number>();
  for (const port of ports) {
    if (held) set.add(port);
    else set.delete(port);
  }
  heldByUs.set(dir, set);
}

function resultOf(result: AllocationResult, release: () => Promise<void>): GuardPortsResult {
  return {
    ok: result.ok,
    ports: result.ok ? Object.fromEntries(result.assignments.map((a) => [a.name, a.port])) : {},
    assignments: result.assignments.map(({ name, requested, port, protocol, status }) => ({
      name,
      requested,
      port,
      protocol,
      status,
    })),
    conflicts: JSON.parse(conflictsJson(result.conflicts)) as PortConflict[],
    ...(result.error ? { error: result.error } : {}),
    release,
  };
}

/**
 * Checks that the ports of `specs` are free and hands out the rest, as the action does.
 *
 * @param specs `[name=]port[/protocol]` specs: one string (`"web=3000, api=auto"`) or an array
 *   (`["web=3000", 5432, "dns=5353/udp"]`).
 * @returns `ok` with `ports` (`{ name: port }`) when every spec has a port; otherwise `ok:
 *   false`, the `conflicts` and no leases held. Leases taken belong to the calling process
 *   until `release()`, {@link releasePorts} or its exit.
 * @throws {InputErrors} for bad specs or options (one entry per bad token, naming the option),
 *   before any socket is opened or lease taken.
 *
 * @example
 * const { ports, release } = await guardPorts('api=auto, db=auto');
 * process.env.API_PORT = String(ports.api);
 * // ... later
 * await release();
 */
export async function guardPorts(
  specs: string | ReadonlyArray<string | number>,
  options: GuardPortsOptions = {},
): Promise<GuardPortsResult> {
  const { config, owner, signal } = libraryConfig(specs, options);
  const leases = config.lease
    ? await underOptionNames(() =>
        openLeaseRegistry({
          dir: config.leaseDir,
          ttlSeconds: config.leaseTtlSeconds,
          owner: { pid: owner ?? process.pid },
          reusable: requestedPorts(config),
        }),
      )
    : undefined;
  const ours = heldByUs.get(config.leaseDir);
  if (ours && ours.size > 0) {
    config.exclude = [...config.exclude, ...[...ours].map((p) => ({ lo: p, hi: p }))];
  }
  const result = await runEngine(config, {
    findHolders: findHoldersWhenNeeded,
    ...(leases ? { leases } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!leases || !result.ok) return resultOf(result, async () => {});
  const handedOut = result.assignments.map((a) => a.port);
  noteHeld(config.leaseDir, handedOut, true);
  return resultOf(result, async () => {
    await leases.releaseAll();
    noteHeld(config.leaseDir, handedOut, false);
  });
}

/**
 * One free TCP port, leased host-wide to the calling process until {@link releasePorts} or the
 * process exits: the drop-in for get-port that is safe across processes (parallel test
 * workers, other checkouts, other CI jobs on the same host never get the same port).
 *
 * @throws {InputErrors} for bad options; an `Error` when no port in `fallbackRange` is free.
 *
 * @example
 * const port = await getPort();
 * server.listen(port);
 */
export async function getPort(options: GetPortOptions = {}): Promise<number> {
  const { port, ...rest } = options as GetPortOptions & Record<string, unknown>;
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535))
    throw new InputErrors([
      new InputError('port', `port: expected a port number 1-65535, got ${String(port)}`),
    ]);
  const spec = port === undefined ? 'free=auto/tcp' : `free=${port}/tcp`;
  const result = await guardPorts(spec, {
    ...rest,
    ...(port === undefined ? {} : { onConflict: 'fallback' }),
  });
  if (!result.ok) throw new Error(`port-guard: ${result.error ?? 'no free port'}`);
  return result.ports.free;
}

/**
 * Gives back leases the calling process (or `owner`) holds: the given ports, or all of them.
 * Without `leaseDir`, in every lease dir this process used through the library (the default
 * one when it used none).
 *
 * @returns the leases given back.
 */
export async function releasePorts(
  ports?: ReadonlyArray<number>,
  options: { leaseDir?: string; owner?: number } = {},
): Promise<ReleasedPort[]> {
  const bad = (ports ?? []).filter((p) => !(Number.isInteger(p) && p >= 1 && p <= 65535));
  if (bad.length > 0)
    throw new InputErrors(
      bad.map((p) => new InputError('ports', `ports: ${String(p)} is not a port number 1-65535`)),
    );
  const dirs = options.leaseDir
    ? [options.leaseDir]
    : heldByUs.size > 0
      ? [...heldByUs.keys()]
      : [defaultLeaseDir()];
  const released: ReleasedPort[] = [];
  for (const dir of dirs) {
    const records = await releaseLeases(dir, {
      pid: options.owner ?? process.pid,
      ...(ports ? { ports: [...ports] } : {}),
    });
    noteHeld(
      dir,
      records.map((r) => r.port),
      false,
    );
    released.push(...records.map(({ port, protocol }) => ({ port, protocol })));
  }
  return released;
}
