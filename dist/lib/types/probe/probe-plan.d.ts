import { type InterfaceLister, type SkippedAddress } from './local-addresses.js';
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
/**
 * The full address set of docs/probing.md, in order: `::` (dual-stack), `0.0.0.0`, `127.0.0.1`,
 * `::1`, then every interface address. Required on macOS and Windows, where a wildcard probe
 * misses a holder on a specific address.
 */
export declare function fullAddressSet(interfaces: readonly ProbeAddress[]): ProbeAddress[];
/** Builds the plan from what is known; pure, so every platform's plan is testable here. */
export declare function buildProbePlan(inputs: PlanInputs): ProbePlan;
/**
 * The start-up self-test of docs/probing.md: hold a loopback socket of each family on a scratch port
 * the OS picks, and see whether the dual-stack wildcard probe collides with it. Only a plan that
 * passed it may be shortened.
 */
export declare function measureWildcardCoverage(protocols?: readonly Protocol[]): Promise<WildcardCoverage>;
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
export declare function createProbePlan(hosts: 'all' | string[], platform?: NodeJS.Platform, protocols?: readonly Protocol[], sources?: ProbePlanSources): Promise<ProbePlan>;
