import { readFile } from 'node:fs/promises';
import { runTool, type ToolRunner } from '../system/run-tool.js';
import { formatRanges, normalizeRanges } from '../spec/port-ranges.js';
import { windowsSystemTool } from '../system/find-tool.js';
import { readWindowsExcludedRanges, toolOutput as output } from '../system/windows-port-ranges.js';
import type { PortRange } from '../spec/port-ranges.js';
import type { Protocol } from '../spec/port-spec.js';

export {
  parseWindowsExcludedRanges,
  readWindowsExcludedRanges,
} from '../system/windows-port-ranges.js';

/** Ports the OS keeps for itself: its ephemeral range, and ports a probe cannot see as taken. */
export interface OsPortRanges {
  /** Where the OS picks outgoing ports; fallback candidates avoid it where they can. */
  ephemeral?: PortRange;
  /** Never handed out: Linux `ip_local_reserved_ports`, Windows excluded port ranges. */
  reserved: PortRange[];
  /** For the verbose log: where the ranges came from, and what could not be read. */
  notes: string[];
}

/** The IANA dynamic range: macOS's and Windows' default, assumed only when the OS cannot say. */
export const IANA_DYNAMIC_RANGE: PortRange = { lo: 49152, hi: 65535 };

/** Parses `ip_local_port_range` ("32768\t60999"). */
export function parseLinuxPortRange(text: string): PortRange | undefined {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo >= 1 && hi <= 65535 && lo <= hi ? { lo, hi } : undefined;
}

/** Parses `ip_local_reserved_ports` ("1000-1002,2000" or empty). */
export function parseLinuxReservedPorts(text: string): PortRange[] {
  const out: PortRange[] = [];
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo >= 1 && hi <= 65535 && lo <= hi) out.push({ lo, hi });
  }
  return normalizeRanges(out);
}

/**
 * Parses `netsh int ipv4 show dynamicport tcp` (or udp): a start port and a number of ports,
 * behind labels in the display language (`Start Port : 49152`, `Startport : 49152`), so the
 * two numbers are read, not the labels.
 */
export function parseWindowsDynamicPortRange(text: string): PortRange | undefined {
  const numbers: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /:\s*(\d{1,5})\s*$/.exec(line);
    if (m) numbers.push(Number(m[1]));
  }
  if (numbers.length !== 2) return undefined;
  const [lo, count] = numbers as [number, number];
  const hi = lo + count - 1;
  return lo >= 1 && count >= 1 && hi <= 65535 ? { lo, hi } : undefined;
}

/** Parses `sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last` (two lines). */
export function parseSysctlPortRange(text: string): PortRange | undefined {
  const m = /^\s*(\d{1,5})\s*\n\s*(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo >= 1 && hi <= 65535 && lo <= hi ? { lo, hi } : undefined;
}

/** The smallest range covering all of `ranges` (TCP's and UDP's dynamic ranges). */
function hull(ranges: readonly PortRange[]): PortRange | undefined {
  if (ranges.length === 0) return undefined;
  return {
    lo: Math.min(...ranges.map((r) => r.lo)),
    hi: Math.max(...ranges.map((r) => r.hi)),
  };
}

async function readOr(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** What {@link readOsPortRanges} may be given instead of the real system. */
export interface OsPortRangeSources {
  /** Runs netsh and sysctl. */
  run?: ToolRunner;
  /** Windows excluded ranges already read (by the probe plan), so netsh is not asked twice. */
  excluded?: readonly PortRange[];
}

/**
 * What this OS reserves for the given protocols, read, not assumed: Linux from /proc, Windows
 * from netsh (dynamic range and excluded ranges), macOS from sysctl. A source that cannot be
 * read adds no reserved ports; an ephemeral range that cannot be read is taken as 49152–65535
 * (macOS and Windows) and said so in the notes.
 */
export async function readOsPortRanges(
  protocols: readonly Protocol[],
  platform: NodeJS.Platform = process.platform,
  sources: OsPortRangeSources = {},
): Promise<OsPortRanges> {
  const run = sources.run ?? runTool;
  if (platform === 'linux') {
    const [range, reserved] = await Promise.all([
      readOr('/proc/sys/net/ipv4/ip_local_port_range'),
      readOr('/proc/sys/net/ipv4/ip_local_reserved_ports'),
    ]);
    const ephemeral = parseLinuxPortRange(range);
    const notes = [
      ephemeral
        ? `ephemeral range ${formatRanges([ephemeral])} (ip_local_port_range)`
        : 'ephemeral range: /proc/sys/net/ipv4/ip_local_port_range could not be read; none avoided',
    ];
    return {
      ...(ephemeral ? { ephemeral } : {}),
      reserved: parseLinuxReservedPorts(reserved),
      notes,
    };
  }
  const fallback = (what: string): { ephemeral: PortRange; notes: string[] } => ({
    ephemeral: IANA_DYNAMIC_RANGE,
    notes: [
      `ephemeral range: ${what} could not be read; assuming ${formatRanges([IANA_DYNAMIC_RANGE])}`,
    ],
  });
  if (platform === 'win32') {
    const netsh = windowsSystemTool('netsh');
    const [dynamic, reserved] = await Promise.all([
      Promise.all(
        protocols.map(async (protocol) => {
          const text = await output(run, netsh, ['int', 'ipv4', 'show', 'dynamicport', protocol]);
          return text === undefined ? undefined : parseWindowsDynamicPortRange(text);
        }),
      ),
      sources.excluded ? [...sources.excluded] : readWindowsExcludedRanges(protocols, run),
    ]);
    const read = dynamic.filter((r): r is PortRange => r !== undefined);
    const ephemeral = read.length === dynamic.length ? hull(read) : undefined;
    const base = ephemeral
      ? {
          ephemeral,
          notes: [`ephemeral range ${formatRanges([ephemeral])} (netsh int ipv4 show dynamicport)`],
        }
      : fallback('netsh int ipv4 show dynamicport');
    return {
      ...base,
      reserved,
      notes: [
        ...base.notes,
        `excluded port ranges: ${reserved.length > 0 ? formatRanges(reserved) : 'none'}`,
      ],
    };
  }
  if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd') {
    // Never a bare name: look it up nowhere, /usr/sbin/sysctl (macOS) or /sbin/sysctl (BSD).
    const sysctl = platform === 'darwin' ? '/usr/sbin/sysctl' : '/sbin/sysctl';
    const text = await output(run, sysctl, [
      '-n',
      'net.inet.ip.portrange.first',
      'net.inet.ip.portrange.last',
    ]);
    const ephemeral = text === undefined ? undefined : parseSysctlPortRange(text);
    if (!ephemeral)
      return { ...fallback(`${sysctl} -n net.inet.ip.portrange.first/last`), reserved: [] };
    return {
      ephemeral,
      reserved: [],
      notes: [`ephemeral range ${formatRanges([ephemeral])} (sysctl net.inet.ip.portrange)`],
    };
  }
  return { ...fallback(`the ${platform} ephemeral range`), reserved: [] };
}
