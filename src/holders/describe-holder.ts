import type { Holder } from '../types.js';

/** One line naming a holder, e.g. "pid 812 `postgres -D /data` (user postgres) on 0.0.0.0". */
export function describeHolder(h: Holder): string {
  const on = h.addresses.length > 0 ? ` on ${h.addresses.join(', ')}` : '';
  if (h.pid === undefined) {
    const who = h.uid !== undefined ? `uid ${h.user ?? h.uid}` : 'an unknown process';
    return `${who} (process hidden: needs root)${on}`;
  }
  const cmd = h.commandLine ?? h.command ?? '?';
  const user = h.user ?? (h.uid !== undefined ? `uid ${h.uid}` : undefined);
  return `pid ${h.pid} \`${cmd}\`${user ? ` (user ${user})` : ''}${on}`;
}

/** Several holders in one line; "unknown" when none could be found. */
export function describeHolders(holders: readonly Holder[]): string {
  return holders.length === 0 ? 'unknown' : holders.map(describeHolder).join('; ');
}
