/**
 * macOS (and other systems with `lsof`): who holds a port, from `lsof -F` field output, with
 * the program names and command lines from one `ps` call. Both run by absolute path through
 * `execFile` with fixed arguments.
 */
import { findTool, UNIX_SYSTEM_DIRS } from '../system/find-tool.js';
import type { Holder, HolderQuery } from './lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { displayCommandLine, programName, singleLine } from './command-line.js';
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
  /** The TCP state from a `TST=` field: `LISTEN`, `CLOSED` (bound, not listening), … */
  tcpState?: string;
}

const TOOL_TIMEOUT_MS = 3000;

/**
 * The fixed `lsof` arguments for some ports of one protocol: no name or port resolution
 * (`-nP`), no warnings (`-w`), full command names (`+c 0`), the TCP state (`-Ts`), TCP sockets
 * that listen or are bound without listening (`CLOSED`: such a socket still blocks a bind), and
 * field output with the fd (`f`: Apple's lsof 4.91 prints it anyway), the user, the address
 * family (`t`: `*:80` is `0.0.0.0` or `::`), the protocol, the name and the TCP state. TCP and
 * UDP need separate runs: with `-sTCP:…`, lsof drops UDP sockets.
 */
export function lsofArgs(protocol: Protocol, ports: readonly number[]): string[] {
  const list = ports.join(',');
  return protocol === 'tcp'
    ? ['-nP', '-w', '+c', '0', '-Ts', `-iTCP:${list}`, '-sTCP:LISTEN,CLOSED', '-FpcfuLPtTn']
    : ['-nP', '-w', '+c', '0', `-iUDP:${list}`, '-FpcfuLPtn'];
}

/**
 * Parses `lsof -F` output. Process fields (`p`, `c`, `u`, `L`) are followed by file fields
 * (`f`, `t`, `P`, `n`, then `T` fields such as `TST=LISTEN`); a file starts at its `f` line
 * (lsof without `f` in the field list omits it, so a file also ends at its `n` line). Unknown
 * fields are ignored.
 */
export function parseLsof(text: string): LsofFile[] {
  const files: LsofFile[] = [];
  let proc: Omit<LsofFile, 'name'> | undefined;
  let pending: { type?: string; protocol?: string } = {};
  // The file the `T` fields after an `n` line belong to.
  let last: LsofFile | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '') continue;
    const field = raw[0];
    const value = raw.slice(1);
    if (field === 'p') {
      proc = /^\d+$/.test(value) ? { pid: Number(value) } : undefined;
      pending = {};
      last = undefined;
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
        last = undefined;
        break;
      case 't':
        pending.type = value;
        break;
      case 'P':
        pending.protocol = value;
        break;
      case 'n':
        last = { ...proc, ...pending, name: value };
        files.push(last);
        pending = {};
        break;
      case 'T':
        if (last && value.startsWith('ST=')) last.tcpState = singleLine(value.slice(3));
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
 * Splits a `ps` command line into the program (argv[0]) and the rest. `ps` joins the arguments
 * with spaces and the program path may contain some (`/Applications/Google Chrome.app/…`), so
 * lsof's short name of the process marks where the program ends when it can; otherwise the
 * program ends at the first space.
 */
export function splitPsLine(line: string, shortName?: string): { program: string; rest: string } {
  if (shortName !== undefined && shortName !== '') {
    const needle = `/${shortName}`;
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
      if (line.slice(0, at).includes(' -')) break;
      const end = at + needle.length;
      if (end === line.length || line[end] === ' ')
        return { program: line.slice(0, end), rest: line.slice(end + 1) };
    }
  }
  const space = line.indexOf(' ');
  return space < 0
    ? { program: line, rest: '' }
    : { program: line.slice(0, space), rest: line.slice(space + 1) };
}

/** The display form of a `ps` command line (the program's directory dropped). */
export function displayPsLine(line: string, shortName?: string): string | undefined {
  const { program, rest } = splitPsLine(line, shortName);
  // The directory goes, the program's own name stays whole, spaces and all.
  const name = program.includes(' ') ? program.replace(/^.*\/(?=[^/])/, '') : program;
  return displayCommandLine(rest === '' ? [name] : [name, rest]);
}

/**
 * The program's name from its `ps` command line; lsof's `c` field is the kernel's short name,
 * which is the main thread's on Linux (`MainThread` for Node 24) and cut to 15 characters.
 */
export function psProgramName(line: string | undefined, shortName?: string): string | undefined {
  if (line === undefined) return shortName;
  return programName([splitPsLine(line, shortName).program], undefined, shortName);
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
        query.protocol === 'tcp'
          ? file.tcpState === 'CLOSED'
            ? 'bound'
            : 'listen'
          : endpoint.connected
            ? 'connected'
            : 'bound';
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
        const line = commandLines.get(file.pid);
        const command = psProgramName(line, file.command);
        if (command !== undefined) holder.command = command;
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
  tools: { lsof?: string; ps?: string } = {},
): Promise<Holder[]> {
  const lsof = tools.lsof ?? findTool('lsof', { firstIn: UNIX_SYSTEM_DIRS });
  if (lsof === undefined) return [];
  const files: LsofFile[] = [];
  await Promise.all(
    (['tcp', 'udp'] as const).map(async (protocol) => {
      const ports = [...new Set(queries.filter((q) => q.protocol === protocol).map((q) => q.port))];
      if (ports.length === 0) return;
      const result = await run(lsof, lsofArgs(protocol, ports), { timeoutMs: TOOL_TIMEOUT_MS });
      // Exit 1 means "something asked for was not found"; what it did find is still printed.
      if (result.code === 0 || result.code === 1) files.push(...parseLsof(result.stdout));
    }),
  );
  const pids = [...new Set(files.map((f) => f.pid))];
  let commandLines = new Map<number, string>();
  const ps = tools.ps ?? findTool('ps', { firstIn: ['/bin', '/usr/bin'] });
  if (pids.length > 0 && ps !== undefined) {
    const result = await run(ps, ['-ww', '-o', 'pid=,command=', '-p', pids.join(',')], {
      timeoutMs: TOOL_TIMEOUT_MS,
    });
    // ps exits 1 when one of the pids has gone meanwhile; the others are still listed.
    if (result.code === 0 || result.code === 1) commandLines = parsePsCommandLines(result.stdout);
  }
  return holdersFromLsof(files, queries, commandLines);
}
