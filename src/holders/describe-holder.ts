/**
 * One line of plain text per holder, for `::error::` lines, notices and the summary table.
 * Nothing is escaped here (the fronts do that), but the text never contains a newline or
 * another control character.
 */
import { OCCUPYING_STATES, type Holder } from './lookup.js';
import { singleLine } from './command-line.js';

function hostPort(ip: string | undefined, port: number | undefined): string {
  if (ip === undefined) return `port ${port ?? '?'}`;
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return port === undefined ? host : `${host}:${port}`;
}

/** `container web (172.17.0.2:80)`, `container web (port 80)`, `container 172.17.0.2:80`. */
export function containerText(container: NonNullable<Holder['container']>): string {
  const target =
    container.ip === undefined && container.port === undefined
      ? undefined
      : hostPort(container.ip, container.port);
  if (container.name !== undefined) {
    return `container ${container.name}${target === undefined ? '' : ` (${target})`}`;
  }
  return target === undefined ? 'a container' : `container ${target}`;
}

function who(h: Holder): string {
  if (h.pid !== undefined) {
    const parts = [`pid ${h.pid}`];
    if (h.container) {
      parts.push(`${h.command ?? 'docker-proxy'} → ${containerText(h.container)}`);
    } else {
      const command = h.commandLine ?? h.command;
      if (command !== undefined) parts.push(`\`${command}\``);
    }
    if (h.user !== undefined) parts.push(`(user ${h.user})`);
    else if (h.uid !== undefined) parts.push(`(uid ${h.uid})`);
    return parts.join(' ');
  }
  // Without a pid, a user name would only mislead ("nobody"); the uid is what is known.
  if (h.hidden) return `uid ${h.uid ?? '?'} (process hidden: needs root)`;
  if (h.uid !== undefined)
    return `uid ${h.uid} (no process found: a kernel socket, or a process in another container)`;
  if (h.state === 'time-wait') return 'no process (time-wait: a closed connection lingering)';
  return h.command !== undefined ? `\`${h.command}\`` : 'unknown';
}

/**
 * Describes one holder, e.g. ``pid 812 `postgres -D /var/lib/postgresql` (user postgres) on
 * 0.0.0.0, ::``, `uid 0 (process hidden: needs root) on 127.0.0.1` or
 * `pid 4242 docker-proxy → container web (172.17.0.2:80) (user root) on 0.0.0.0`.
 */
export function describeHolder(h: Holder): string {
  let text = who(h);
  if (h.addresses.length > 0) text += ` on ${h.addresses.join(', ')}`;
  if (h.pid === undefined && h.container) {
    text += ` — published by docker for ${containerText(h.container)}`;
  }
  if (!OCCUPYING_STATES.has(h.state) && h.state !== 'time-wait' && h.state !== '') {
    text += ` (${h.state})`;
  }
  return singleLine(text);
}

/** Describes several holders joined by `; `, or `unknown` when none could be found. */
export function describeHolders(holders: readonly Holder[]): string {
  return holders.length === 0 ? 'unknown' : holders.map(describeHolder).join('; ');
}
