import { readFile } from 'node:fs/promises';
import { normalizeRanges } from '../spec/port-ranges.js';
import { windowsSystemTool } from '../system/windows-system-tool.js';
import type { PortRange } from '../spec/port-ranges.js';
import type { Protocol } from '../spec/port-spec.js';

/** Ports the OS keeps for itself: its ephemeral range, and ports a probe cannot see as taken. */
export interface OsPortRanges {
  /** Where the OS picks outgoing ports; fallback candidates avoid it where they can. */
  ephemeral?: PortRange;
  /** Never handed out: Linux `ip_local_reserved_ports`, Windows excluded port ranges. */
  reserved: PortRange[];
}

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
 * Parses `netsh int ipv4 show excludedportrange protocol=tcp`. Headers are localized, so rows are
 * recognized by shape: two port numbers, optionally followed by `*` (administered exclusion).
 */
export function parseWindowsExcludedRanges(text: string): PortRange[] {
  const out: PortRange[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d{1,5})\s+(\d{1,5})\s*\*?\s*$/.exec(line);
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    if (lo >= 1 && hi <= 65535 && lo <= hi) out.push({ lo, hi });
  }
  return normalizeRanges(out);
}

async function run(file: string, args: string[]): Promise<string> {
  // Only Windows runs a tool here; elsewhere child_process is not worth loading.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 3000, windowsHide: true }, (err, stdout) =>
      resolve(err ? '' : String(stdout)),
    );
  });
}

async function readOr(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** What this OS reserves for the given protocols. A source that cannot be read adds nothing. */
export async function readOsPortRanges(
  protocols: readonly Protocol[],
  platform: NodeJS.Platform = process.platform,
): Promise<OsPortRanges> {
  if (platform === 'linux') {
    const [range, reserved] = await Promise.all([
      readOr('/proc/sys/net/ipv4/ip_local_port_range'),
      readOr('/proc/sys/net/ipv4/ip_local_reserved_ports'),
    ]);
    const ephemeral = parseLinuxPortRange(range);
    return { ...(ephemeral ? { ephemeral } : {}), reserved: parseLinuxReservedPorts(reserved) };
  }
  if (platform === 'win32') {
    const outputs = await Promise.all(
      protocols.flatMap((protocol) =>
        ['ipv4', 'ipv6'].map((ip) =>
          run(windowsSystemTool('netsh'), [
            'int',
            ip,
            'show',
            'excludedportrange',
            `protocol=${protocol}`,
          ]),
        ),
      ),
    );
    return {
      ephemeral: { lo: 49152, hi: 65535 },
      reserved: normalizeRanges(outputs.flatMap(parseWindowsExcludedRanges)),
    };
  }
  // macOS (and the BSDs) use the IANA dynamic range unless an administrator changed it.
  return { ephemeral: { lo: 49152, hi: 65535 }, reserved: [] };
}
