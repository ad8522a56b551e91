/** What /proc says about a process's sockets (Linux only). */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Socket inodes the process has open, from its /proc/<pid>/fd links. */
export function socketInodesOf(pid: number): Set<string> {
  const out = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.add(m[1]);
    } catch {
      // closed between readdir and readlink
    }
  }
  return out;
}

/** Inodes of listening TCP sockets and bound UDP sockets, from /proc/net/{tcp,tcp6,udp,udp6}. */
export function boundInodes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/net/${table}`, 'utf8');
    } catch {
      continue; // no IPv6 here
    }
    for (const row of text.split('\n').slice(1)) {
      const f = row.trim().split(/\s+/);
      if (f.length < 10) continue;
      const listening = table.startsWith('tcp') ? f[3] === '0A' : true;
      if (listening) out.set(f[9], `${table} ${f[1]}`);
    }
  }
  return out;
}

/** The process's listening/bound inet sockets right now, as "table HEXADDR:HEXPORT". */
export function boundSocketsOf(pid: number): string[] {
  const mine = socketInodesOf(pid);
  return [...boundInodes()].filter(([inode]) => mine.has(inode)).map(([, where]) => where);
}
