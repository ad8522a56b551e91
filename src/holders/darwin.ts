/**
 * macOS (and other systems with `lsof`): who holds a port, from `lsof -F` field output, with
 * the command lines from one `ps` call. Both run through `execFile` with fixed arguments.
 */
import type { Holder, HolderQuery } from './lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { displayCommandLine, singleLine } from './command-line.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';

/** One open socket as `lsof -F` reports it. */
export interface LsofFile {
  pid: number;
  command?: string;
  uid?: number;
  login?: string;
  /** `IPv4` or `IPv6`. */
  type?: string;
  /** `TCP` or `UDP`. */
  protocol?: string;
  /** `127.0.0.1:3000`, `[::1]:3000`, `*:3000`, `a:1->b:2`. */
  name: string;
}

const TOOL_TIMEOUT_MS = 3000;

/**
 * The fixed `lsof` arguments for some ports of one protocol: no name or port resolution
 * (`-nP`), no warnings (`-w`), full command names (`+c 0`), TCP listeners only, and field
 * output. TCP and UDP need separate runs: with `-sTCP:LISTEN`, lsof drops UDP sockets.
 */
export function lsofArgs(protocol: Protocol, ports: readonly number[]): string[] {
  const list = ports.join(',');
  return protocol === 'tcp'
    ? ['-nP', '-w', '+c', '0', `-iTCP:${list}`, '-sTCP:LISTEN', '-FpcuLPtn']
    : ['-nP', '-w', '+c', '0', `-iUDP:${list}`, '-FpcuLPtn'];
}

/**
 * Parses `lsof -F` output. Process fields (`p`, `c`, `u`, `L`) are followed by file fields
 * (`f`, `t`, `P`, `n`); older lsof always prints `f`, newer only when asked, so a file ends at
 * its `n` line. Unknown fields are ignored.
 */
export function parseLsof(text: string): LsofFile[] {
  const files: LsofFile[] = [];
  let proc: Omit<LsofFile, 'name'> | undefined;
  let pending: { type?: string; protocol?: string } = {};
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '') continue;
    const field = raw[0];
    const value = raw.slice(1);
    if (field === 'p') {
      proc = /^\d+$/.test(value) ? { pid: Number(value) } : undefined;
      pending = {};
      continue;
    }
    if (!proc) continue;
    switch (field) {
      case 'c':
        proc.command = singleLine(value);
        break;
      case 'u':
        if (/^\d+$/.test(value)) proc.uid = Number(value);
        break;
      case 'L':
        proc.login = value;
        break;
      case 'f':
        pending = {};
        break;
      case 't':
        pending.type = value;
        break;
      case 'P':
        pending.protocol = value;
        break;
      case 'n':
        files.push({ ...proc, ...pending, name: value });
        pending = {};
        break;
    }
  }
  return files;
}

/** Splits an lsof socket name into the local address and port; `*` becomes the any-address. */
export function localEndpoint(
  name: string,
  type?: string,
): { address: string; port: number; connected: boolean } | undefined {
  const [local, remote] = name.replace(/\s+\(.*\)$/, '').split('->');
  const match = /^(?:\[([^\]]+)\]|([^:]+|.*)):(\d+)$/.exec(local);
  if (!match) return undefined;
  let address = match[1] ?? match[2];
  if (address === '*') address = type === 'IPv6' ? '::' : '0.0.0.0';
  return { address, port: Number(match[3]), connected: remote !== undefined };
}

/** Parses `ps -ww -o pid=,command=` output into pid → command line. */
export function parsePsCommandLines(text: string): Map<number, string> {
  const lines = new Map<number, string>();
  for (const row of text.split(/\r?\n/)) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(row);
    if (match && match[2].trim() !== '') lines.set(Number(match[1]), match[2].trim());
  }
  return lines;
}

/**
 * The display form of a `ps` command line. The program path may contain spaces
 * (`/Applications/Google Chrome.app/…`), so the known command name marks where it ends.
 */
export function displayPsLine(line: string, command?: string): string | undefined {
  if (command !== undefined && command !== '') {
    const needle = `/${command}`;
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
      if (line.slice(0, at).includes(' -')) break;
      const end = at + needle.length;
      if (end === line.length || line[end] === ' ') return displayCommandLine([line.slice(at + 1)]);
    }
  }
  return displayCommandLine(line.split(' '));
}

/** Groups lsof sockets into holders per query and process. */
export function holdersFromLsof(
  files: readonly LsofFile[],
  queries: readonly HolderQuery[],
  commandLines: ReadonlyMap<number, string> = new Map(),
): Holder[] {
  const holders: Holder[] = [];
  for (const query of queries) {
    const grouped = new Map<string, Holder>();
    for (const file of files) {
      if (file.protocol !== undefined && file.protocol.toLowerCase() !== query.protocol) continue;
      const endpoint = localEndpoint(file.name, file.type);
      if (!endpoint || endpoint.port !== query.port) continue;
      const state =
        query.protocol === 'tcp' ? 'listen' : endpoint.connected ? 'connected' : 'bound';
      const key = `${file.pid} ${state}`;
      let holder = grouped.get(key);
      if (!holder) {
        holder = {
          protocol: query.protocol,
          port: query.port,
          addresses: [],
          state,
          pid: file.pid,
        };
        if (file.command !== undefined) holder.command = file.command;
        const line = commandLines.get(file.pid);
        const display = line === undefined ? undefined : displayPsLine(line, file.command);
        if (display !== undefined) holder.commandLine = display;
        if (file.uid !== undefined) holder.uid = file.uid;
        if (file.login !== undefined) holder.user = file.login;
        grouped.set(key, holder);
      }
      if (!holder.addresses.includes(endpoint.address)) holder.addresses.push(endpoint.address);
    }
    holders.push(...grouped.values());
  }
  return holders;
}

/**
 * Finds holders with `lsof` (one run per protocol) and their command lines with `ps`. A
 * missing tool, a refusal or a time-out gives fewer details or none, never an error. Without
 * root, macOS shows other users' sockets to nobody: those ports come back without holders.
 */
export async function findHoldersWithLsof(
  queries: readonly HolderQuery[],
  run: ToolRunner = runTool,
): Promise<Holder[]> {
  const files: LsofFile[] = [];
  await Promise.all(
    (['tcp', 'udp'] as const).map(async (protocol) => {
      const ports = [...new Set(queries.filter((q) => q.protocol === protocol).map((q) => q.port))];
      if (ports.length === 0) return;
      const result = await run('lsof', lsofArgs(protocol, ports), { timeoutMs: TOOL_TIMEOUT_MS });
      // Exit 1 means "something asked for was not found"; what it did find is still printed.
      if (result.code === 0 || result.code === 1) files.push(...parseLsof(result.stdout));
    }),
  );
  const pids = [...new Set(files.map((f) => f.pid))];
  let commandLines = new Map<number, string>();
  if (pids.length > 0) {
    const ps = await run('ps', ['-ww', '-o', 'pid=,command=', '-p', pids.join(',')], {
      timeoutMs: TOOL_TIMEOUT_MS,
    });
    // ps exits 1 when one of the pids has gone meanwhile; the others are still listed.
    if (ps.code === 0 || ps.code === 1) commandLines = parsePsCommandLines(ps.stdout);
  }
  return holdersFromLsof(files, queries, commandLines);
}
