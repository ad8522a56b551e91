import { InputError } from './input-error.js';

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

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const DIGITS = /^[0-9]+$/;
const PROTOCOLS: readonly SpecProtocol[] = ['tcp', 'udp', 'both'];

/**
 * Output names the action writes for itself; a spec may not take them, or its port would
 * overwrite (or be overwritten by) them.
 */
export const RESERVED_NAMES: readonly string[] = ['port', 'ports', 'conflicts', 'fallback-used'];

/** The protocols a spec's port must be free on. */
export function protocolsOf(protocol: SpecProtocol): Protocol[] {
  return protocol === 'both' ? ['tcp', 'udp'] : [protocol];
}

/** Splits a list input on commas, whitespace and newlines, dropping empty entries. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/u).filter((token) => token.length > 0);
}

/**
 * Parses a decimal port 1–65535 written in ASCII digits only; anything else is undefined.
 * Leading zeros are allowed, any number of them: the value decides (`03000` and `000003000`
 * are both 3000), the same rule for specs, ranges, `who` and `release`.
 */
export function parsePortNumber(text: string): number | undefined {
  if (!DIGITS.test(text)) return undefined;
  const digits = text.replace(/^0+(?=.)/, '');
  if (digits.length > 5) return undefined;
  const port = Number(digits);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** A port and protocol as `who` and `release` name them: `PORT[/tcp|udp|both]`. */
export interface PortTarget {
  port: number;
  protocol: SpecProtocol;
}

/**
 * Parses `PORT[/tcp|udp|both]` (protocol case-insensitive, `tcp` when absent) with the same port
 * rule as specs; undefined when it is not one.
 */
export function parsePortTarget(text: string): PortTarget | undefined {
  const match = /^([^/]*)(?:\/(tcp|udp|both))?$/i.exec(text.trim());
  const port = match ? parsePortNumber(match[1]) : undefined;
  if (!match || port === undefined) return undefined;
  return { port, protocol: (match[2] ?? 'tcp').toLowerCase() as SpecProtocol };
}

/** Says why `text` is not a port, for messages. */
function portProblem(text: string): string {
  if (text === '') return 'the port is missing';
  if (/^-[0-9]+$/.test(text)) return 'ports cannot be negative';
  if (DIGITS.test(text)) return 'a port must be between 1 and 65535';
  return 'a port is a whole number written with the digits 0-9';
}

/**
 * Parses the `ports` input: specs `[name=]port[/protocol]` separated by commas, whitespace or
 * newlines. Collects every problem (one per bad token) before throwing one InputError.
 */
export function parsePortSpecs(
  text: string,
  defaultProtocol: SpecProtocol,
  input = 'ports',
): PortSpec[] {
  const problems: string[] = [];
  const specs: PortSpec[] = [];
  const tokens = splitList(text);
  if (tokens.length === 0) {
    throw new InputError(
      input,
      `${input}: no port given; expected specs like "3000", "web=3000", "dns=5353/udp" or "api=auto"`,
    );
  }
  for (const token of tokens) {
    const parsed = parseOne(token, defaultProtocol);
    if (typeof parsed === 'string')
      problems.push(
        `${input}: "${token}": ${parsed}; expected [name=]port[/protocol], e.g. "web=3000/tcp" or "api=auto"`,
      );
    else specs.push(parsed);
  }
  nameUnnamed(specs);
  problems.push(...duplicateProblems(specs, input));
  if (problems.length > 0) throw new InputError(input, problems);
  return specs;
}

function parseOne(token: string, defaultProtocol: SpecProtocol): PortSpec | string {
  const eq = token.indexOf('=');
  const name = eq >= 0 ? token.slice(0, eq) : undefined;
  let rest = eq >= 0 ? token.slice(eq + 1) : token;
  if (name !== undefined) {
    if (name === '') return 'the name before "=" is empty';
    if (!NAME.test(name)) {
      return name.length > 64
        ? 'a name has at most 64 characters'
        : `the name "${name}" must start with a letter (A-Z, a-z) and contain only letters, digits, "_" or "-"`;
    }
    if (RESERVED_NAMES.includes(name.toLowerCase())) {
      return `the name "${name}" is taken by an output of its own (${RESERVED_NAMES.join(', ')})`;
    }
  }
  let protocol = defaultProtocol;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const proto = rest.slice(slash + 1);
    if (!PROTOCOLS.includes(proto as SpecProtocol)) {
      return `the protocol "${proto}" is not one of tcp, udp, both`;
    }
    protocol = proto as SpecProtocol;
    rest = rest.slice(0, slash);
  }
  if (rest.includes('=')) return 'a spec has at most one "="';
  let port: number | 'auto';
  if (rest === 'auto' || /^0+$/.test(rest)) {
    if (name === undefined) return '"auto" (or 0) needs a name, e.g. "api=auto"';
    port = 'auto';
  } else {
    const n = parsePortNumber(rest);
    if (n === undefined) return portProblem(rest);
    port = n;
  }
  return { name: name ?? `port-${port}`, port, protocol, token };
}

/**
 * An unnamed spec is `port-<port>`; when unnamed specs ask for the same port on TCP and on UDP
 * (`3001/tcp 3001/udp`, two port spaces), the UDP one is `port-<port>-udp`, so the user is
 * never told of a name clash they did not write.
 */
function nameUnnamed(specs: PortSpec[]): void {
  const unnamed = specs.filter((s) => !s.token.includes('='));
  for (const spec of unnamed) {
    if (spec.protocol !== 'udp') continue;
    const tcpTwin = unnamed.some((s) => s !== spec && s.port === spec.port && s.protocol !== 'udp');
    if (tcpTwin) spec.name = `port-${spec.port}-udp`;
  }
}

function duplicateProblems(specs: PortSpec[], input: string): string[] {
  const problems: string[] = [];
  const names = new Map<string, PortSpec>();
  const pairs = new Map<string, PortSpec>();
  for (const spec of specs) {
    const key = spec.name.toLowerCase();
    const first = names.get(key);
    // Two unnamed specs of one port clash by name only because they ask for the same port.
    const unnamedTwins = first && !first.token.includes('=') && !spec.token.includes('=');
    if (first && !unnamedTwins) {
      problems.push(
        `${input}: "${spec.token}": the name "${spec.name}" is already used by "${first.token}" (names are unique, ignoring case)`,
      );
      // One message per bad token: a repeated spec is reported for its name only.
      continue;
    }
    names.set(key, spec);
    if (spec.port === 'auto') continue;
    for (const protocol of protocolsOf(spec.protocol)) {
      const pair = `${spec.port}/${protocol}`;
      const other = pairs.get(pair);
      if (other && other !== spec) {
        problems.push(
          `${input}: "${spec.token}": port ${pair} is already requested by "${other.token}"`,
        );
        break;
      }
      pairs.set(pair, spec);
    }
  }
  return problems;
}

export { envName } from './env-name.js';
