/**
 * Linux holder lookup without a subprocess: sockets from `/proc/net/{tcp,tcp6,udp,udp6}`,
 * their processes through the `socket:[inode]` links in `/proc/<pid>/fd`, users from
 * `/etc/passwd`.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { endianness } from 'node:os';
import { occupiesPort, type Holder, type HolderQuery } from './lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { displayCommandLine, programName, splitProcCmdline } from './command-line.js';
import { dockerProxyTarget, isDockerProxy } from './docker.js';
import { parseProcNet, type ByteOrder, type ProcNetSocket } from './proc-net.js';
import { hasErrorCode } from '../system/error-code.js';

/** Where the Linux lookup reads from; the defaults are the real system. */
export interface LinuxLookupOptions {
  /** The proc file system; `/proc` unless told. */
  procRoot?: string;
  /** The user database; `/etc/passwd` unless told. */
  passwdPath?: string;
  /** Byte order of the `/proc/net` address words; this host's unless told. */
  byteOrder?: ByteOrder;
}

/** Parses `/etc/passwd` text into uid → user name (the first name listed for a uid wins). */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, , uid] = line.split(':');
    if (!name || uid === undefined || !/^\d+$/.test(uid)) continue;
    const id = Number(uid);
    if (!users.has(id)) users.set(id, name);
  }
  return users;
}

/**
 * The sockets that make `query.port` busy: listening (or bound) TCP sockets, or every UDP
 * socket, on that local port. Only when there are none, the other sockets with that local port
 * (TIME_WAIT, an outgoing connection) are what blocks it.
 */
export function blockingSockets(
  sockets: readonly ProcNetSocket[],
  query: HolderQuery,
): ProcNetSocket[] {
  const onPort = sockets.filter((s) => s.protocol === query.protocol && s.localPort === query.port);
  const occupying = onPort.filter((s) => occupiesPort(s.protocol, s.state));
  return occupying.length > 0 ? occupying : onPort;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads each needed `/proc/net` table once. A missing table (IPv6 disabled) counts as empty. */
function readSockets(
  procRoot: string,
  protocols: Set<Protocol>,
  order: ByteOrder,
): ProcNetSocket[] {
  const sockets: ProcNetSocket[] = [];
  for (const protocol of protocols) {
    for (const file of [protocol, `${protocol}6`]) {
      const text = readText(`${procRoot}/net/${file}`);
      if (text !== undefined) sockets.push(...parseProcNet(text, protocol, order));
    }
  }
  return sockets;
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

/** Which pids hold each socket inode, and whether some processes could not be looked into. */
interface InodeOwners {
  /** Every process with the socket open, in ascending pid order (a forked server shares it). */
  owners: Map<number, number[]>;
  /** Some pid's fds could not be read (another user's without root, ptrace limits). */
  unreadable: boolean;
}

/**
 * Maps socket inodes to the pids holding them by walking `/proc/<pid>/fd`. Pids whose fds cannot
 * be read are skipped but remembered; pids gone meanwhile (ENOENT) are simply skipped. A socket
 * shared by several processes (a forking server, an inherited listener) maps to all of them, so
 * the walk reads every pid.
 */
function mapInodesToPids(procRoot: string, inodes: Set<number>): InodeOwners {
  const owners = new Map<number, number[]>();
  let unreadable = false;
  const denied = (error: unknown): void => {
    if (!hasErrorCode(error, 'ENOENT', 'ESRCH')) unreadable = true;
  };
  if (inodes.size === 0) return { owners, unreadable };
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return { owners, unreadable: true };
  }
  const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number);
  pids.sort((a, b) => a - b);
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`${procRoot}/${pid}/fd`);
    } catch (error) {
      denied(error);
      continue;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`${procRoot}/${pid}/fd/${fd}`);
      } catch (error) {
        denied(error);
        continue;
      }
      const match = SOCKET_LINK.exec(link);
      if (!match) continue;
      const inode = Number(match[1]);
      if (!inodes.has(inode)) continue;
      const pidsOf = owners.get(inode);
      if (!pidsOf) owners.set(inode, [pid]);
      else if (pidsOf[pidsOf.length - 1] !== pid) pidsOf.push(pid);
    }
  }
  return { owners, unreadable };
}

interface ProcessInfo {
  command?: string;
  argv: string[];
  uid?: number;
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function readProcess(procRoot: string, pid: number): ProcessInfo {
  const comm = readText(`${procRoot}/${pid}/comm`);
  const exe = readLink(`${procRoot}/${pid}/exe`);
  let argv: string[] = [];
  try {
    argv = splitProcCmdline(readFileSync(`${procRoot}/${pid}/cmdline`));
  } catch {
    // Gone meanwhile: what we have is still worth reporting.
  }
  // The effective uid of the process: the socket's own uid is its creator's, which differs
  // when a socket is handed over (systemd socket activation).
  const status = readText(`${procRoot}/${pid}/status`);
  const uidLine = status ? /^Uid:\s+\d+\s+(\d+)/m.exec(status) : null;
  const info: ProcessInfo = { argv };
  // `comm` is the main thread's name (Node 24 calls it `MainThread`): the program's name comes
  // from argv[0] or the executable, and `comm` only when nothing else is there.
  const command = programName(argv, exe, comm);
  if (command !== undefined) info.command = command;
  if (uidLine) info.uid = Number(uidLine[1]);
  return info;
}

/**
 * The sockets that make each queried port busy, from the `/proc/net` tables alone: no walk of
 * every process's descriptors. A cheap "is anything bound there?" for polling.
 */
export function blockingSocketsLinux(
  queries: readonly HolderQuery[],
  options: LinuxLookupOptions = {},
): ProcNetSocket[][] {
  const sockets = readSockets(
    options.procRoot ?? '/proc',
    new Set(queries.map((q) => q.protocol)),
    options.byteOrder ?? endianness(),
  );
  return queries.map((query) => blockingSockets(sockets, query));
}

/** Finds who holds the queried ports, reading each needed `/proc/net` table once. */
export async function findHoldersLinux(
  queries: readonly HolderQuery[],
  options: LinuxLookupOptions = {},
): Promise<Holder[]> {
  const procRoot = options.procRoot ?? '/proc';
  const order = options.byteOrder ?? endianness();
  const sockets = readSockets(procRoot, new Set(queries.map((q) => q.protocol)), order);

  const perQuery = queries.map((query) => ({ query, sockets: blockingSockets(sockets, query) }));
  const inodes = new Set(
    perQuery.flatMap((q) => q.sockets.map((s) => s.inode)).filter((i) => i > 0),
  );
  const { owners, unreadable } = mapInodesToPids(procRoot, inodes);

  const processes = new Map<number, ProcessInfo>();
  let users: Map<number, string> | undefined;
  const userName = (uid: number): string | undefined => {
    users ??= parsePasswd(readText(options.passwdPath ?? '/etc/passwd') ?? '');
    return users.get(uid);
  };

  /** A new holder of `socket` for `query`: process `pid`, or (unseen) the socket's uid. */
  const describeSocketHolder = (
    query: HolderQuery,
    socket: ProcNetSocket,
    pid: number | undefined,
  ): Holder => {
    const holder: Holder = {
      protocol: query.protocol,
      port: query.port,
      addresses: [],
      state: socket.state,
    };
    if (pid !== undefined) {
      let info = processes.get(pid);
      if (!info) {
        info = readProcess(procRoot, pid);
        processes.set(pid, info);
      }
      holder.pid = pid;
      if (info.command !== undefined) holder.command = info.command;
      const line = displayCommandLine(info.argv);
      if (line !== undefined) holder.commandLine = line;
      holder.uid = info.uid ?? socket.uid;
      if (isDockerProxy(info.command, info.argv)) {
        holder.container = dockerProxyTarget(info.argv) ?? {};
      }
    } else if (socket.inode > 0) {
      holder.uid = socket.uid;
      // Hidden only if some process could not be looked into; when every one could, the
      // socket has no process here (a kernel socket, another PID namespace).
      if (unreadable) holder.hidden = true;
    }
    if (holder.uid !== undefined) {
      const user = userName(holder.uid);
      if (user !== undefined) holder.user = user;
    }
    return holder;
  };

  const holders: Holder[] = [];
  for (const { query, sockets: blocking } of perQuery) {
    const grouped = new Map<string, Holder>();
    for (const socket of blocking) {
      const pids = socket.inode > 0 ? (owners.get(socket.inode) ?? []) : [];
      // One holder per process (or, unseen, per uid) and state; it lists all its addresses.
      const keys: Array<number | undefined> = pids.length > 0 ? pids : [undefined];
      for (const pid of keys) {
        const who = pid !== undefined ? `pid ${pid}` : socket.inode > 0 ? `uid ${socket.uid}` : '-';
        const key = `${who} ${socket.state}`;
        let holder = grouped.get(key);
        if (!holder) {
          holder = describeSocketHolder(query, socket, pid);
          grouped.set(key, holder);
        }
        if (!holder.addresses.includes(socket.localAddress))
          holder.addresses.push(socket.localAddress);
      }
    }
    holders.push(...grouped.values());
  }
  return holders;
}
