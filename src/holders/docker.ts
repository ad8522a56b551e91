/**
 * Resolves a `docker-proxy` holder to the container it forwards to: the address and port come
 * from the proxy's own command line; the container's name, when the `docker` command is here
 * and answers, from `docker ps`.
 */
import type { Holder, Protocol } from '../types.js';
import { runTool, type ToolRunner } from './run-tool.js';

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

/**
 * Whether a `docker ps` Ports column publishes `hostPort` on `protocol` to `containerPort`.
 * Entries look like `0.0.0.0:8080->80/tcp`, `[::]:8080->80/tcp`, `:::8080->80/tcp` or ranges
 * `0.0.0.0:8000-8001->8000-8001/tcp`.
 */
export function publishes(
  ports: string,
  hostPort: number,
  protocol: Protocol,
  containerPort?: number,
): boolean {
  for (const entry of ports.split(',')) {
    const match = /:(\d+)(?:-(\d+))?->(\d+)(?:-(\d+))?\/(\w+)\s*$/.exec(entry.trim());
    if (!match || match[5] !== protocol) continue;
    const lo = Number(match[1]);
    const hi = match[2] === undefined ? lo : Number(match[2]);
    if (hostPort < lo || hostPort > hi) continue;
    const mapped = Number(match[3]) + (hostPort - lo);
    if (containerPort === undefined || containerPort === mapped) return true;
  }
  return false;
}

/** Options for {@link nameContainers}. */
export interface NameContainersOptions {
  /** The docker command; `docker` from PATH unless told. */
  docker?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  run?: ToolRunner;
}

/**
 * Adds the container name to every holder that has a `container` target, when `docker ps`
 * answers and exactly one running container publishes that port. Returns the same holders;
 * when docker is absent, refuses or is slow, they are returned unnamed.
 */
export async function nameContainers(
  holders: Holder[],
  options: NameContainersOptions = {},
): Promise<Holder[]> {
  if (!holders.some((h) => h.container && h.container.name === undefined)) return holders;
  const run = options.run ?? runTool;
  const result = await run(options.docker ?? 'docker', DOCKER_PS_ARGS, {
    timeoutMs: options.timeoutMs ?? 1500,
    env: options.env,
  });
  if (result.code !== 0) return holders;
  const rows = parseDockerPs(result.stdout);
  for (const holder of holders) {
    if (!holder.container || holder.container.name !== undefined) continue;
    const { port: containerPort } = holder.container;
    const matches = rows.filter((r) =>
      publishes(r.ports, holder.port, holder.protocol, containerPort),
    );
    const names = new Set(matches.map((r) => r.name));
    if (names.size === 1) holder.container.name = [...names][0];
  }
  return holders;
}
