/** A transport protocol; TCP and UDP are separate port spaces. */
export type Protocol = 'tcp' | 'udp';
/** What a spec may ask for: one protocol, or `both` (TCP and UDP must both be free). */
export type SpecProtocol = Protocol | 'both';
/** One parsed `[name=]port[/protocol]` spec. */
export interface PortSpec {
    /** Unique (case-insensitively) output name; `port-<port>` when the spec had none. */
    name: string;
    /** The requested port, or `auto` for "any free port from the fallback range". */
    port: number | 'auto';
    protocol: SpecProtocol;
    /** The token as the user wrote it, for messages. */
    token: string;
}
/**
 * Output names the action writes for itself; a spec may not take them, or its port would
 * overwrite (or be overwritten by) them.
 */
export declare const RESERVED_NAMES: readonly string[];
/** The protocols a spec's port must be free on. */
export declare function protocolsOf(protocol: SpecProtocol): Protocol[];
/** Splits a list input on commas, whitespace and newlines, dropping empty entries. */
export declare function splitList(text: string): string[];
/**
 * Parses a decimal port 1–65535 written in ASCII digits only; anything else is undefined.
 * Leading zeros are allowed, any number of them: the value decides (`03000` and `000003000`
 * are both 3000), the same rule for specs, ranges, `who` and `release`.
 */
export declare function parsePortNumber(text: string): number | undefined;
/** A port and protocol as `who` and `release` name them: `PORT[/tcp|udp|both]`. */
export interface PortTarget {
    port: number;
    protocol: SpecProtocol;
}
/**
 * Parses `PORT[/tcp|udp|both]` (protocol case-insensitive, `tcp` when absent) with the same port
 * rule as specs; undefined when it is not one.
 */
export declare function parsePortTarget(text: string): PortTarget | undefined;
/**
 * Parses the `ports` input: specs `[name=]port[/protocol]` separated by commas, whitespace or
 * newlines. Collects every problem (one per bad token) before throwing one InputError.
 */
export declare function parsePortSpecs(text: string, defaultProtocol: SpecProtocol, input?: string): PortSpec[];
export { envName } from './env-name.js';
