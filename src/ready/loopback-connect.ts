/**
 * The connect half of a TCP readiness check: does a connection to this machine's own
 * loopback address on a port succeed? Nothing here binds the port (a bind probe while a
 * server starts could make the server's own listen fail) and nothing dials another machine.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { AddressFamily } from '../probe/probe-plan.js';

/** What one connection attempt said. */
export type ConnectVerdict =
  /** A socket listens there and accepted the connection. */
  | 'accepted'
  /** Nothing listens there (ECONNREFUSED). */
  | 'refused'
  /** The address does not exist here (no IPv6 loopback, EADDRNOTAVAIL, ENETUNREACH). */
  | 'unavailable'
  /** No answer in time, or another error: says nothing either way. */
  | 'unknown';

/** The loopback address of each family. */
export const LOOPBACK: Readonly<Record<AddressFamily, string>> = { 4: '127.0.0.1', 6: '::1' };

const UNAVAILABLE = new Set(['EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT', 'EHOSTUNREACH']);

/** Connects to `address:port` and closes at once; never throws. */
export function connectOnce(
  address: string,
  port: number,
  timeoutMs = 1000,
): Promise<ConnectVerdict> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, noDelay: true });
    // A readiness check must never keep a test runner's process alive.
    socket.unref();
    const finish = (verdict: ConnectVerdict) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(verdict);
    };
    const timer = setTimeout(() => finish('unknown'), timeoutMs);
    timer.unref();
    socket.once('connect', () => finish('accepted'));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish('refused');
      else finish(UNAVAILABLE.has(err.code ?? '') ? 'unavailable' : 'unknown');
    });
  });
}

/**
 * The loopback families this host has: IPv4 always; IPv6 when an interface carries `::1`
 * (absent in containers started without IPv6).
 */
export function loopbackFamilies(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): AddressFamily[] {
  const hasV6 = Object.values(interfaces).some((infos) =>
    (infos ?? []).some((i) => i.family === 'IPv6' && i.address === '::1'),
  );
  return hasV6 ? [4, 6] : [4];
}

/** Per family: what a connection to its loopback address on `port` said. */
export type LoopbackAnswers = Partial<Record<AddressFamily, ConnectVerdict>>;

/** Connects to the loopback of every given family at once (different addresses never collide). */
export async function connectLoopbacks(
  port: number,
  families: readonly AddressFamily[],
  timeoutMs?: number,
): Promise<LoopbackAnswers> {
  const verdicts = await Promise.all(
    families.map((f) => connectOnce(LOOPBACK[f], port, timeoutMs)),
  );
  const answers: LoopbackAnswers = {};
  families.forEach((f, i) => (answers[f] = verdicts[i]));
  return answers;
}
