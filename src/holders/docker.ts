/**
 * Resolves a `docker-proxy` holder to the container it forwards to: the address and port come
 * from the proxy's own command line; the container's name, when the `docker` command is here
 * and answers, from `docker ps`.
 */
import type { Holder } from './lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { findTool } from '../system/find-tool.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';

/** Where a `docker-proxy` forwards to. */
export interface ContainerTarget {
  ip?: string;
  port?: number;
}

/** Whether a process is Docker's userland proxy, judged by its `comm` or its `argv[0]`. */
export function isDockerProxy(command: string | undefined, argv: readonly string[]): boolean {
  if (command === 'docker-proxy') return true;
  const first = argv[0];
  return first !== undefined && /(^|[/\\])docker-proxy(\.exe)?$/.test(first);
}

/** Reads one Go-style flag (`-name v`, `--name v`, `-name=v`, `--name=v`) from an argument list. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--?([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match || match[1] !== name) continue;
    if (match[2] !== undefined) return match[2];
    return argv[i + 1];
  }
  return undefined;
}

/**
 * Reads `-container-ip` and `-container-port` from a `docker-proxy` argument list; undefined when
 * neither is there.
 */
export function dockerProxyTarget(argv: readonly string[]): ContainerTarget | undefined {
  const ip = flagValue(argv, 'container-ip');
  const portText = flagValue(argv, 'container-port');
  const port = portText !== undefined && /^\d{1,5}$/.test(portText) ? Number(portText) : undefined;
  if (ip === undefined && port === undefined) return undefined;
  const target: ContainerTarget = {};
  if (ip !== undefined && ip !== '') target.ip = ip;
  if (port !== undefined) target.port = port;
  return target;
}

/** One row of `docker ps --format '{{.ID}}\t{{.Names}}\t{{.Ports}}'`. */
export interface DockerPsRow {
  id: string;
  name: string;
  ports: string;
}

/** The arguments port-guard passes to `docker`. */
export const DOCKER_PS_ARGS = ['ps', '--no-trunc', '--format', '{{.ID}}\t{{.Names}}\t{{.Ports}}'];

/** Parses the output of `docker` run with {@link DOCKER_PS_ARGS}. */
export function parseDockerPs(text: string): DockerPsRow[] {
  const rows: DockerPsRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [id, names, ports = ''] = line.split('\t');
    if (!id || !names) continue;
    // A linked container lists several names; the first is its own.
    rows.push({ id, name: names.split(',')[0], ports });
  }
  return rows;
}

/** One published port of a container, for one host port. */
export interface PublishedPort {
  /** The host address docker binds: `0.0.0.0`, `::`, `127.0.0.1`, … */
  hostIp: string;
  containerPort: number;
}

/**
 * Where a `docker ps` Ports column maps `hostPort` on `protocol`. Entries look like
 * `0.0.0.0:8080->80/tcp`, `[::]:8080->80/tcp`, `:::8080->80/tcp` or ranges
 * `0.0.0.0:8000-8001->8000-8001/tcp`.
 */
export function publishedPorts(
  ports: string,
  hostPort: number,
  protocol: Protocol,
): PublishedPort[] {
  const mapped: PublishedPort[] = [];
  for (const entry of ports.split(',')) {
    const match = /^(.*):(\d+)(?:-(\d+))?->(\d+)(?:-(\d+))?\/(\w+)$/.exec(entry.trim());
    if (!match || match[6] !== protocol) continue;
    const lo = Number(match[2]);
    const hi = match[3] === undefined ? lo : Number(match[3]);
    if (hostPort < lo || hostPort > hi) continue;
    const hostIp = match[1].replace(/^\[(.*)\]$/, '$1');
    mapped.push({ hostIp, containerPort: Number(match[4]) + (hostPort - lo) });
  }
  return mapped;
}

/** Whether a `docker ps` Ports column publishes `hostPort` (to `containerPort`, when given). */
export function publishes(
  ports: string,
  hostPort: number,
  protocol: Protocol,
  containerPort?: number,
): boolean {
  return publishedPorts(ports, hostPort, protocol).some(
    (p) => containerPort === undefined || p.containerPort === containerPort,
  );
}

/**
 * Processes that hold a published port for Docker other than `docker-proxy`: Docker Desktop
 * on macOS and Windows, rootless Docker. Compared in lower case.
 */
const DOCKER_FORWARDERS = new Set([
  'com.docker.backend',
  'com.docker.backend.exe',
  'com.docker.vpnkit',
  'vpnkit-bridge',
  'wslrelay.exe',
  'rootlessport',
]);

/**
 * Whether docker may know who this holder is: a `docker-proxy` not yet named, another Docker
 * forwarder, or a process this user cannot see (on a GitHub runner, the root-owned
 * `docker-proxy` of a service container is hidden from the `runner` user).
 */
function asksDocker(h: Holder): boolean {
  if (h.container) return h.container.name === undefined;
  if (h.hidden) return true;
  return h.command !== undefined && DOCKER_FORWARDERS.has(h.command.toLowerCase());
}

/** Options for {@link nameContainers}. */
export interface NameContainersOptions {
  /**
   * The docker command, an absolute path; unless told, `docker` searched on PATH (never in the
   * current directory, never through a relative entry: see find-tool).
   */
  docker?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  run?: ToolRunner;
}

/**
 * Names the container behind holders docker may know (see `asksDocker`), when `docker ps`
 * answers and exactly one running container publishes that host port: a `docker-proxy`
 * gets `container.name`; a hidden process or another forwarder gets `container` with the
 * name and the container port. Returns the same holders; when docker is absent, refuses or
 * is slow, they are returned as they were.
 */
export async function nameContainers(
  holders: Holder[],
  options: NameContainersOptions = {},
): Promise<Holder[]> {
  if (!holders.some(asksDocker)) return holders;
  const docker = options.docker ?? findTool('docker', options.env ? { env: options.env } : {});
  if (docker === undefined) return holders;
  const run = options.run ?? runTool;
  const result = await run(docker, DOCKER_PS_ARGS, {
    timeoutMs: options.timeoutMs ?? 1500,
    env: options.env,
  });
  if (result.code !== 0) return holders;
  const rows = parseDockerPs(result.stdout);
  for (const holder of holders) {
    if (!asksDocker(holder)) continue;
    const wanted = holder.container?.port;
    const matches = rows.flatMap((r) =>
      publishedPorts(r.ports, holder.port, holder.protocol)
        .filter((p) => wanted === undefined || p.containerPort === wanted)
        // For a process nobody can see, the address must match too, or any root process on
        // that port would be taken for docker's.
        .filter((p) => !holder.hidden || holder.addresses.includes(p.hostIp))
        .map((p) => ({ name: r.name, port: p.containerPort })),
    );
    const names = new Set(matches.map((m) => m.name));
    if (names.size !== 1) continue;
    const [match] = matches;
    if (holder.container) holder.container.name = match.name;
    else holder.container = { name: match.name, port: match.port };
  }
  return holders;
}
