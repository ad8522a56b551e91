import { isIP } from 'node:net';
import { normalize } from 'node:path';
import { InputError, InputErrors } from './input-error.js';
import { checkLeaseDirPath, defaultLeaseDir } from '../lease/lease-dir.js';
import { envNameProblems } from './env-name.js';
import { parsePortSpecs, splitList } from './port-spec.js';
import { formatRanges, parsePortRanges, subtractRanges } from './port-ranges.js';
import type { PortRange } from './port-ranges.js';
import type { PortSpec, SpecProtocol } from './port-spec.js';
import { interfaceAddresses, isLocalAddress } from '../probe/local-addresses.js';
import { canonicalAddress } from '../probe/ip-address.js';

export type OnConflict = 'fail' | 'fallback' | 'warn';

export type FallbackStrategy = 'random' | 'sequential';

/** Everything the engine needs, validated before any socket is opened. */
export interface Config {
  specs: PortSpec[];
  onConflict: OnConflict;
  fallbackRanges: PortRange[];
  fallbackStrategy: FallbackStrategy;
  exclude: PortRange[];
  /** `all` (the full probe plan) or literal IP addresses that exist on this host. */
  hosts: 'all' | string[];
  /** Seconds to wait for a busy requested port before `onConflict` applies. */
  waitSeconds: number;
  /** Makes the random candidate order deterministic; undefined for a fresh order. */
  seed: string | undefined;
  exportEnv: boolean;
  lease: boolean;
  leaseDir: string;
  leaseTtlSeconds: number;
  summary: boolean;
}

/** Raw option values by input name, as the action reads them or the CLI parses them. */
export type RawOptions = Partial<Record<InputName, string>>;

/** Every input of action.yml with its default; the CLI mirrors them as `--<name>`. */
export const INPUT_DEFAULTS = {
  ports: '',
  protocol: 'tcp',
  'on-conflict': 'fail',
  'fallback-range': '49152-65535',
  'fallback-strategy': 'random',
  exclude: '',
  hosts: 'all',
  wait: '0',
  seed: '',
  'export-env': 'false',
  lease: 'true',
  'lease-dir': '',
  'lease-ttl': '21600',
  summary: 'true',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

export const MAX_WAIT_SECONDS = 3600;
export const MAX_LEASE_TTL_SECONDS = 7 * 24 * 3600;

function oneOf<T extends string>(raw: string, input: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(input, `${input}: "${raw}" is not one of ${allowed.join(', ')}`);
}

/** Accepts the spellings `core.getBooleanInput` accepts. */
export function parseBoolean(raw: string, input: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(input, `${input}: "${raw}" is not a boolean; expected true or false`);
}

export function parseSeconds(raw: string, input: string, min: number, max: number): number {
  if (!/^[0-9]+(\.[0-9]{1,3})?$/.test(raw)) {
    throw new InputError(
      input,
      `${input}: "${raw}" is not a number of seconds; expected a number from ${min} to ${max}, e.g. "30"`,
    );
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new InputError(
      input,
      `${input}: ${raw} is out of range; expected ${min} to ${max} seconds`,
    );
  }
  return value;
}

/** An IPv6 link-local (fe80::/10) address written without `%scope`. */
function isUnscopedLinkLocal(address: string): boolean {
  return !address.includes('%') && /^fe[89ab][0-9a-f]?:/i.test(address);
}

function parseHosts(raw: string): 'all' | string[] {
  if (raw === 'all') return 'all';
  const tokens = splitList(raw);
  if (tokens.length === 0)
    throw new InputError(
      'hosts',
      'hosts: empty; expected "all" or literal IP addresses, e.g. "127.0.0.1, ::1"',
    );
  const problems: string[] = [];
  const hosts: string[] = [];
  for (const token of tokens) {
    if (isIP(token) === 0) {
      problems.push(
        `hosts: "${token}" is not a literal IP address; host names are refused because they resolve differently across hosts (write e.g. "127.0.0.1" or "::1")`,
      );
    } else if (isIP(token) === 6 && isUnscopedLinkLocal(token)) {
      // The scoped spellings of this very address, when the host has it.
      const scopes = interfaceAddresses()
        .map((a) => a.address)
        .filter(
          (a) =>
            a.includes('%') && canonicalAddress(a.replace(/%.*$/, '')) === canonicalAddress(token),
        );
      problems.push(
        `hosts: "${token}" is a link-local address without a scope; one fe80:: address can exist on every interface, so name the interface (e.g. "${scopes[0] ?? `${token}%eth0`}")`,
      );
    } else if (!isLocalAddress(token)) {
      const known = interfaceAddresses().map((a) => a.address);
      problems.push(
        `hosts: "${token}" is not an address of this host (it has ${known.join(', ')}, and the wildcards 0.0.0.0 and ::)`,
      );
    } else if (hosts.some((h) => canonicalAddress(h) === canonicalAddress(token))) {
      problems.push(`hosts: "${token}" is listed twice`);
    } else {
      hosts.push(token);
    }
  }
  if (problems.length > 0) throw new InputError('hosts', problems);
  return hosts;
}

export interface ParseOptions {
  /**
   * The front exports every port as a variable by itself (the CLI's `--format env`), so the
   * env-name rules apply as with `export-env`; the text says why, for messages.
   */
  exportsEnv?: string;
}

/**
 * Turns raw option strings into one validated Config. Every input is checked and every problem
 * reported together; nothing here opens a socket or touches the lease directory.
 */
export function parseConfig(raw: RawOptions, options: ParseOptions = {}): Config {
  const get = (name: InputName): string => {
    const value = raw[name]?.trim();
    return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value;
  };
  const errors: InputError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof InputError) {
        errors.push(err);
        return undefined;
      }
      throw err;
    }
  };

  const protocol = attempt(() =>
    oneOf<SpecProtocol>(get('protocol'), 'protocol', ['tcp', 'udp', 'both']),
  );
  const specs = attempt(() => {
    if (get('ports') === '') {
      throw new InputError(
        'ports',
        'ports: required; expected specs like "3000", "web=3000", "dns=5353/udp" or "api=auto"',
      );
    }
    return parsePortSpecs(get('ports'), protocol ?? 'tcp');
  });
  const onConflict = attempt(() =>
    oneOf<OnConflict>(get('on-conflict'), 'on-conflict', ['fail', 'fallback', 'warn']),
  );
  const fallbackRanges = attempt(() => {
    const ranges = parsePortRanges(get('fallback-range'), 'fallback-range', false);
    if (ranges.length === 0)
      throw new InputError(
        'fallback-range',
        'fallback-range: empty; expected one or more ranges LO-HI, e.g. "49152-65535"',
      );
    return ranges;
  });
  const fallbackStrategy = attempt(() =>
    oneOf<FallbackStrategy>(get('fallback-strategy'), 'fallback-strategy', [
      'random',
      'sequential',
    ]),
  );
  const exclude = attempt(() => parsePortRanges(get('exclude'), 'exclude', true));
  const hosts = attempt(() => parseHosts(get('hosts')));
  const waitSeconds = attempt(() => parseSeconds(get('wait'), 'wait', 0, MAX_WAIT_SECONDS));
  const seed = get('seed');
  if (seed.length > 256)
    errors.push(new InputError('seed', `seed: ${seed.length} characters; at most 256`));
  const exportEnv = attempt(() => parseBoolean(get('export-env'), 'export-env'));
  const lease = attempt(() => parseBoolean(get('lease'), 'lease'));
  const leaseTtlSeconds = attempt(() => {
    const ttl = parseSeconds(get('lease-ttl'), 'lease-ttl', 1, MAX_LEASE_TTL_SECONDS);
    if (!Number.isInteger(ttl))
      throw new InputError(
        'lease-ttl',
        `lease-ttl: "${get('lease-ttl')}" must be a whole number of seconds`,
      );
    return ttl;
  });
  const summary = attempt(() => parseBoolean(get('summary'), 'summary'));
  const leaseDir = get('lease-dir');
  if (leaseDir !== '') attempt(() => checkLeaseDirPath(leaseDir));

  if (fallbackRanges && exclude && subtractRanges(fallbackRanges, exclude).length === 0) {
    errors.push(
      new InputError(
        'fallback-range',
        `fallback-range: every port of ${formatRanges(fallbackRanges)} is excluded by exclude (${formatRanges(exclude)}); nothing could ever be handed out`,
      ),
    );
  }
  const exportWhy = exportEnv ? 'export-env is true' : options.exportsEnv;
  if (specs && exportWhy)
    errors.push(
      ...envNameProblems(
        specs.map((s) => s.name),
        exportWhy,
        exportEnv ? 'export-env' : '--format',
      ),
    );

  if (errors.length > 0) throw new InputErrors(errors);
  return {
    specs: specs!,
    onConflict: onConflict!,
    fallbackRanges: fallbackRanges as PortRange[],
    fallbackStrategy: fallbackStrategy!,
    exclude: exclude!,
    hosts: hosts!,
    waitSeconds: waitSeconds!,
    seed: seed === '' ? undefined : seed,
    exportEnv: exportEnv!,
    lease: lease!,
    leaseDir: leaseDir === '' ? defaultLeaseDir() : normalize(leaseDir),
    leaseTtlSeconds: leaseTtlSeconds!,
    summary: summary!,
  };
}
