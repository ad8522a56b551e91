// Talks to bench/holder.js, the process that holds ports for the bench.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts the holder process; resolves once it is ready to take requests. */
export async function startHolder() {
  const child = fork(fileURLToPath(new URL('./holder.js', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let seq = 0;
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => (m.ready ? resolve() : reject(new Error('holder not ready'))));
  });
  child.on('message', (m) => {
    const waiter = pending.get(m.seq);
    if (!waiter) return;
    pending.delete(m.seq);
    if (m.error) waiter.reject(new Error(`holder: ${m.error}`));
    else waiter.resolve(m);
  });
  const request = (msg) =>
    new Promise((resolve, reject) => {
      const s = ++seq;
      pending.set(s, { resolve, reject });
      child.send({ ...msg, seq: s });
    });
  return {
    pid: child.pid,
    /** Holds `port` (0: any) on `host`; resolves to { id, port }. */
    hold: (protocol, host, port, ipv6Only = false) =>
      request({ op: 'hold', protocol, host, port, ipv6Only }),
    release: (id) => request({ op: 'release', id }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ op: 'exit' });
      }),
  };
}
