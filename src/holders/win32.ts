/**
 * Windows: who holds a port, from `netstat -anoq -p <proto>` (one run per protocol and IP
 * version: `-q` adds TCP sockets that are bound but do not listen, state `BOUND`) and `tasklist`
 * for each holding process's image name, both by absolute System32 path. No administrator
 * rights are needed. Headers and state words are localized, so rows are recognized by their
 * shape, never by text.
 */
import { windowsSystemTool } from '../system/find-tool.js';
import { occupiesPort, type Holder, type HolderQuery } from './lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { singleLine } from './command-line.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';

/** One socket row of `netstat -anoq`. */
export interface NetstatRow {
  protocol: Protocol;
  localAddress: string;
  localPort: number;
  /** `listen`, `bound`, `time-wait`, `established`, …, or the localized word lower-cased. */
  state: string;
  pid: number;
}

/** The `-p` protocol names netstat takes, per protocol. */
const NETSTAT_PROTOCOLS: Record<Protocol, readonly string[]> = {
  tcp: ['TCP', 'TCPv6'],
  udp: ['UDP', 'UDPv6'],
};

/**
 * The fixed `netstat` arguments for one protocol (`TCP`, `TCPv6`, `UDP`, `UDPv6`): all sockets
 * including bound, non-listening TCP ones (`-q`), numeric, with the owning pid.
 */
export function netstatArgs(protocol: string): string[] {
  return ['-anoq', '-p', protocol];
}

const ENGLISH_STATES: Record<string, string> = {
  LISTENING: 'listen',
  BOUND: 'bound',
  ESTABLISHED: 'established',
  TIME_WAIT: 'time-wait',
  CLOSE_WAIT: 'close-wait',
  FIN_WAIT_1: 'fin-wait-1',
  FIN_WAIT_2: 'fin-wait-2',
  SYN_SENT: 'syn-sent',
  SYN_RECEIVED: 'syn-recv',
  LAST_ACK: 'last-ack',
  CLOSING: 'closing',
  CLOSED: 'closed',
};

/** Splits `127.0.0.1:80`, `[::]:80` or `[fe80::1%12]:80` into address and port. */
export function splitEndpoint(text: string): { address: string; port: number } | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(text);
  if (!match) return undefined;
  return { address: match[1] ?? match[2], port: Number(match[3]) };
}

// A TCP socket with no remote end yet: the only kind that listens (or is merely bound).
const NO_REMOTE = new Set(['0.0.0.0:0', '[::]:0', '*:*']);

/**
 * Parses `netstat -anoq` (or `-ano`) output in any display language. A TCP row is
 * `TCP local remote STATE… pid`, a UDP row `UDP local *:* pid` (netstat knows no remote end for
 * UDP: every UDP row is a bound socket); anything else (headers, blank lines, `[process.exe]`
 * lines) is skipped. A TCP row whose remote address is `0.0.0.0:0` or `[::]:0` is a listener
 * whatever the localized state word says, unless the word is `BOUND`.
 */
export function parseNetstat(text: string): NetstatRow[] {
  const rows: NetstatRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const tokens = line.trim().split(/\s+/);
    const proto = tokens[0];
    if ((proto !== 'TCP' && proto !== 'UDP') || tokens.length < 4) continue;
    const pidText = tokens[tokens.length - 1];
    const local = splitEndpoint(tokens[1]);
    if (!/^\d+$/.test(pidText) || !local) continue;
    let state: string;
    if (proto === 'UDP') {
      if (tokens.length !== 4) continue;
      state = 'bound';
    } else {
      if (tokens.length < 5) continue;
      const word = singleLine(tokens.slice(3, -1).join(' '));
      const english = ENGLISH_STATES[word.toUpperCase()];
      if (english === 'bound') state = 'bound';
      else if (NO_REMOTE.has(tokens[2])) state = 'listen';
      else state = english ?? word.toLowerCase();
    }
    rows.push({
      protocol: proto === 'TCP' ? 'tcp' : 'udp',
      localAddress: local.address,
      localPort: local.port,
      state,
      pid: Number(pidText),
    });
  }
  return rows;
}

/** Splits one CSV line (`"a","b ""c""",d`) into fields. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else {
          value += line[i++];
        }
      }
      fields.push(value);
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/**
 * Reads the image name for `pid` from `tasklist /FO CSV /NH` output
 * (`"node.exe","4242","Console","1","45,120 K"`). The "no tasks" notice is localized and not
 * CSV; it gives undefined.
 */
export function parseTasklist(text: string, pid: number): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('"')) continue;
    const [image, pidText] = parseCsvLine(line);
    if (image && pidText?.trim() === String(pid)) return singleLine(image);
  }
  return undefined;
}

/** The fixed `tasklist` arguments for one pid. */
export function tasklistArgs(pid: number): string[] {
  return ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'];
}

/**
 * Groups netstat rows into holders per query and process: listeners (and bound sockets) for
 * TCP, every socket for UDP; only when a TCP port has none, the connections on it. Pid 0
 * (TIME_WAIT) is no process.
 */
export function holdersFromNetstat(
  rows: readonly NetstatRow[],
  queries: readonly HolderQuery[],
  imageNames: ReadonlyMap<number, string> = new Map(),
): Holder[] {
  const holders: Holder[] = [];
  for (const query of queries) {
    const onPort = rows.filter((r) => r.protocol === query.protocol && r.localPort === query.port);
    const occupying = onPort.filter((r) => occupiesPort(r.protocol, r.state));
    const grouped = new Map<string, Holder>();
    for (const row of occupying.length > 0 ? occupying : onPort) {
      const key = `${row.pid} ${row.state}`;
      let holder = grouped.get(key);
      if (!holder) {
        holder = { protocol: query.protocol, port: query.port, addresses: [], state: row.state };
        if (row.pid > 0) {
          holder.pid = row.pid;
          const image = imageNames.get(row.pid);
          if (image !== undefined) holder.command = image;
        }
        grouped.set(key, holder);
      }
      if (!holder.addresses.includes(row.localAddress)) holder.addresses.push(row.localAddress);
    }
    holders.push(...grouped.values());
  }
  return holders;
}

const NETSTAT_TIMEOUT_MS = 5000;
const TASKLIST_TIMEOUT_MS = 3000;

/**
 * Finds holders with `netstat -anoq` (one run per protocol and IP version asked about, in
 * parallel) and one `tasklist` run per holding pid. A missing tool, a refusal or a time-out
 * gives fewer details or none, never an error.
 */
export async function findHoldersWindows(
  queries: readonly HolderQuery[],
  run: ToolRunner = runTool,
): Promise<Holder[]> {
  const wanted = [...new Set(queries.map((q) => q.protocol))];
  const outputs = await Promise.all(
    wanted
      .flatMap((protocol) => NETSTAT_PROTOCOLS[protocol])
      .map((name) =>
        // The console code page is not UTF-8; rows are ASCII, so a byte-preserving decode is enough.
        run(windowsSystemTool('netstat'), netstatArgs(name), {
          timeoutMs: NETSTAT_TIMEOUT_MS,
          encoding: 'latin1',
        }),
      ),
  );
  const rows = outputs.flatMap((netstat) =>
    netstat.code === 0 ? parseNetstat(netstat.stdout) : [],
  );
  const holders = holdersFromNetstat(rows, queries);
  const pids = [...new Set(holders.flatMap((h) => (h.pid === undefined ? [] : [h.pid])))];
  const images = new Map<number, string>();
  await Promise.all(
    pids.map(async (pid) => {
      const result = await run(windowsSystemTool('tasklist'), tasklistArgs(pid), {
        timeoutMs: TASKLIST_TIMEOUT_MS,
        encoding: 'latin1',
      });
      const image = result.code === 0 ? parseTasklist(result.stdout, pid) : undefined;
      if (image !== undefined) images.set(pid, image);
    }),
  );
  return holdersFromNetstat(rows, queries, images);
}
