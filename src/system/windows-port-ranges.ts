/**
 * Windows excluded port ranges (Hyper-V, WinNAT, administered exclusions): a bind there fails
 * with EACCES. Read by the probe plan, which needs them to tell "reserved" from a holder that
 * refuses to share a port, and by the OS port ranges, which never hand them out.
 */
import type { PortRange } from '../spec/port-ranges.js';
import { normalizeRanges } from '../spec/port-ranges.js';
import type { Protocol } from '../spec/port-spec.js';
import { runTool, type ToolRunner } from './run-tool.js';
import { windowsSystemTool } from './find-tool.js';

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

const TOOL_TIMEOUT_MS = 3000;

/** The output of a system tool, or undefined when it did not answer with success. */
export async function toolOutput(
  run: ToolRunner,
  file: string,
  args: string[],
): Promise<string | undefined> {
  // Console code pages are not UTF-8; the numbers read here are ASCII.
  const result = await run(file, args, { timeoutMs: TOOL_TIMEOUT_MS, encoding: 'latin1' });
  return result.code === 0 ? result.stdout : undefined;
}

/**
 * Windows excluded port ranges for the given protocols, IPv4 and IPv6 (`netsh int ipv4|ipv6
 * show excludedportrange protocol=tcp|udp`, by absolute System32 path). An output that cannot
 * be read adds nothing.
 */
export async function readWindowsExcludedRanges(
  protocols: readonly Protocol[],
  run: ToolRunner = runTool,
): Promise<PortRange[]> {
  const outputs = await Promise.all(
    protocols.flatMap((protocol) =>
      ['ipv4', 'ipv6'].map((ip) =>
        toolOutput(run, windowsSystemTool('netsh'), [
          'int',
          ip,
          'show',
          'excludedportrange',
          `protocol=${protocol}`,
        ]),
      ),
    ),
  );
  return normalizeRanges(outputs.flatMap((text) => parseWindowsExcludedRanges(text ?? '')));
}
