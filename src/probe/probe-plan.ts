import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { isIP, createServer, type AddressInfo, type Server } from 'node:net';
import { canonicalAddress } from './ip-address.js';
import {
  interfaceAddressPlan,
  type InterfaceLister,
  type SkippedAddress,
} from './local-addresses.js';
import { networkInterfaces } from 'node:os';
import { readWindowsExcludedRanges } from '../system/windows-port-ranges.js';
import { probeAddress } from './probe.js';
import type { Protocol } from '../spec/port-spec.js';
import type { PortRange } from '../spec/port-ranges.js';

export type AddressFamily = 4 | 6;

/** One literal address a probe binds to. */
export interface ProbeAddress {
  /** Literal address; link-local IPv6 carries its zone (`%en0`; `%12` on Windows). */
  address: string;
  family: AddressFamily;
  /** Only for the `::` probe: whether it is bound dual-stack (covers IPv4 too on Linux). */
  dualStack?: boolean;
  /** The user named this address in `hosts`: it must exist, not be skipped. */
  explicit?: boolean;
  /**
   * Families a free verdict here vouches for; only a plan shortened by a measured rule (the
   * Linux dual-stack self-test) sets more than the address's own family.
   */
  covers?: AddressFamily[];
}

/** The literal addresses to probe, per protocol, and the address families this host has. */
export interface ProbePlan {
  tcp: ProbeAddress[];
  udp: ProbeAddress[];
  families: ReadonlySet<AddressFamily>;
  addressesFor(protocol: Protocol): ProbeAddress[];
  /** One line for logs: which plan and why, and which interface addresses were left out. */
  description: string;
  /**
   * Windows: the excluded port ranges (`netsh int ipv4|ipv6 show excludedportrange`). An EACCES
   * inside them is "reserved"; outside them it is a holder that refuses to share the port.
   */
  excluded?: readonly PortRange[];
  /** The platform whose rules read the probes' errors (EACCES means something else on each). */
  platform?: NodeJS.Platform;
}

/** What the start-up self-test proved: a dual-stack `::` probe sees loopback holders of both families. */
export interface WildcardCoverage {
  tcp: boolean;
  udp: boolean;
}

export interface PlanInputs {
  platform: NodeJS.Platform;
  /** This host's interface addresses (from `os.networkInterfaces()`). */
  interfaces: ProbeAddress[];
  hosts: 'all' | string[];
  /** Only consulted on Linux, where the `::` rule was measured. */
  coverage?: WildcardCoverage;
  /** Interface addresses that cannot be probed (see interfaceAddressPlan), for the log. */
  skipped?: readonly SkippedAddress[];
  /** Windows excluded port ranges, for the EACCES verdict. */
  excluded?: readonly PortRange[];
}

const DUAL_STACK: ProbeAddress = { address: '::', family: 6, dualStack: true };

/**
 * The full address set of docs/probing.md, in order: `::` (dual-stack), `0.0.0.0`, `127.0.0.1`,
 * `::1`, then every interface address. Required on macOS and Windows, where a wildcard probe
 * misses a holder on a specific address.
 */
export function fullAddressSet(interfaces: readonly ProbeAddress[]): ProbeAddress[] {
  const out: ProbeAddress[] = [];
  const seen = new Set<string>();
  const base: ProbeAddress[] = [
    DUAL_STACK,
    { address: '0.0.0.0', family: 4 },
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ];
  for (const a of [...base, ...interfaces]) {
    const key = canonicalAddress(a.address);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ address: a.address, family: a.family, ...(a.dualStack ? { dualStack: true } : {}) });
  }
  return out;
}

/** Builds the plan from what is known; pure, so every platform's plan is testable here. */
export function buildProbePlan(inputs: PlanInputs): ProbePlan {
  if (inputs.hosts !== 'all') {
    const named: ProbeAddress[] = inputs.hosts.map((address) => {
      const family = isIP(address) === 6 ? 6 : 4;
      const wildcard = canonicalAddress(address) === '::';
      return { address, family, explicit: true, ...(wildcard ? { dualStack: true } : {}) };
    });
    const families = new Set<AddressFamily>(named.map((a) => a.family));
    return makePlan(
      named,
      named,
      families,
      `the named hosts ${inputs.hosts.join(', ')}`,
      inputs.excluded,
      inputs.platform,
    );
  }
  const families = new Set<AddressFamily>(inputs.interfaces.map((a) => a.family));
  const full = fullAddressSet(inputs.interfaces);
  const short: ProbeAddress[] = [{ ...DUAL_STACK, covers: [4, 6] }];
  const linux = inputs.platform === 'linux';
  const tcp = linux && inputs.coverage?.tcp ? short : full;
  const udp = linux && inputs.coverage?.udp ? short : full;
  const what = (list: ProbeAddress[]) =>
    list === short
      ? 'dual-stack :: (self-test passed)'
      : `${list.length} addresses (${list.map((a) => a.address).join(', ')})`;
  let description = `tcp: ${what(tcp)}; udp: ${what(udp)}`;
  for (const s of inputs.skipped ?? [])
    description += `; not probed: ${s.address} on ${s.interface} (${s.why})`;
  return makePlan(tcp, udp, families, description, inputs.excluded, inputs.platform);
}

function makePlan(
  tcp: ProbeAddress[],
  udp: ProbeAddress[],
  families: ReadonlySet<AddressFamily>,
  description: string,
  excluded: readonly PortRange[] | undefined,
  platform: NodeJS.Platform,
): ProbePlan {
  return {
    tcp,
    udp,
    families,
    description,
    addressesFor: (protocol) => (protocol === 'tcp' ? tcp : udp),
    ...(excluded ? { excluded } : {}),
    platform,
  };
}

type Holder = { close(): void; port: number };

function holdTcp(address: string): Promise<Holder | undefined> {
  return new Promise((resolve) => {
    const server: Server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host: address, port: 0, exclusive: true }, () => {
      resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() });
    });
  });
}

function holdUdp(address: string, family: AddressFamily): Promise<Holder | undefined> {
  return new Promise((resolve) => {
    const socket: UdpSocket = createSocket(family === 6 ? 'udp6' : 'udp4');
    socket.once('error', () => {
      socket.close();
      resolve(undefined);
    });
    socket.bind({ port: 0, address, exclusive: true }, () => {
      resolve({ port: socket.address().port, close: () => socket.close() });
    });
  });
}

async function wildcardSeesHolder(
  protocol: Protocol,
  address: string,
  family: AddressFamily,
): Promise<boolean> {
  const holder = protocol === 'tcp' ? await holdTcp(address) : await holdUdp(address, family);
  if (!holder) return false;
  try {
    const verdict = await probeAddress(holder.port, protocol, DUAL_STACK);
    return verdict.verdict === 'in-use';
  } finally {
    holder.close();
  }
}

const measured = new Map<Protocol, Promise<boolean>>();

/**
 * The start-up self-test of docs/probing.md: hold a loopback socket of each family on a scratch port
 * the OS picks, and see whether the dual-stack wildcard probe collides with it. Only a plan that
 * passed it may be shortened.
 */
export async function measureWildcardCoverage(
  protocols: readonly Protocol[] = ['tcp', 'udp'],
): Promise<WildcardCoverage> {
  const covers = (protocol: Protocol): Promise<boolean> => {
    // The kernel's rule does not change while a process runs: measure once per protocol.
    let known = measured.get(protocol);
    if (!known) {
      known = (async () =>
        (await wildcardSeesHolder(protocol, '127.0.0.1', 4)) &&
        (await wildcardSeesHolder(protocol, '::1', 6)))();
      measured.set(protocol, known);
    }
    return known;
  };
  // A protocol nobody asked for is not measured, and its plan stays full.
  return {
    tcp: protocols.includes('tcp') ? await covers('tcp') : false,
    udp: protocols.includes('udp') ? await covers('udp') : false,
  };
}

/** What {@link createProbePlan} reads from the host, for tests of another host's plan. */
export interface ProbePlanSources {
  /** `os.networkInterfaces()` unless told. */
  networkInterfaces?: InterfaceLister;
  /**
   * Windows excluded port ranges; read with netsh on Windows unless given (see
   * readWindowsExcludedRanges), never elsewhere.
   */
  excluded?: readonly PortRange[];
}

/** The plan for this host: self-tested on Linux (for the protocols in use), full elsewhere. */
export async function createProbePlan(
  hosts: 'all' | string[],
  platform: NodeJS.Platform = process.platform,
  protocols: readonly Protocol[] = ['tcp', 'udp'],
  sources: ProbePlanSources = {},
): Promise<ProbePlan> {
  const [coverage, excluded] = await Promise.all([
    platform === 'linux' && hosts === 'all'
      ? measureWildcardCoverage(protocols)
      : Promise.resolve(undefined),
    platform === 'win32'
      ? (sources.excluded ?? readWindowsExcludedRanges(protocols))
      : Promise.resolve(undefined),
  ]);
  const { addresses, skipped } = interfaceAddressPlan(
    (sources.networkInterfaces ?? networkInterfaces)(),
    platform,
  );
  return buildProbePlan({
    platform,
    interfaces: addresses,
    hosts,
    ...(coverage ? { coverage } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(excluded ? { excluded } : {}),
  });
}
