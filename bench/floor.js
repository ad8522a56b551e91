// The floor: the least work that could answer. One exclusive listen() + close() per port on
// this OS's minimal correct plan. On Linux a dual-stack `::` TCP probe collides with every TCP
// listener on every address (see docs/probing.md), so the plan is that one address.
// On other systems the full address set is needed; the floor then probes each in turn.
import net from 'node:net';
import os from 'node:os';

/** Concurrency across different ports (never the same port twice at once). */
export const FLOOR_CONCURRENCY = 64;

/** Resolves to 'free' or the error code of one TCP probe. */
export function probeTcp(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error) => resolve(error.code ?? 'unknown'));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve('free')));
  });
}

function minimalPlan() {
  if (os.platform() === 'linux') return ['::'];
  const hosts = ['::', '0.0.0.0', '127.0.0.1', '::1'];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (!hosts.includes(a.address))
        hosts.push(a.scopeid ? `${a.address}%${a.scopeid}` : a.address);
    }
  }
  return hosts;
}

const PLAN = minimalPlan();
const SKIP = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL']);

/** Whether `port` is free on every address of the plan. */
export async function floorIsFree(port) {
  for (const host of PLAN) {
    const r = await probeTcp(port, host);
    if (r !== 'free' && !SKIP.has(r)) return false;
  }
  return true;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Busy flags for `ports`. */
export async function floorCheck(ports) {
  const free = await mapLimit(ports, FLOOR_CONCURRENCY, floorIsFree);
  return free.map((f) => !f);
}

/** The first `count` free ports from `lo` upward, probing a window ahead in parallel. */
export async function floorHandOut(count, lo, hi) {
  const found = [];
  let cursor = lo;
  while (found.length < count && cursor <= hi) {
    const want = Math.min(FLOOR_CONCURRENCY, count - found.length, hi - cursor + 1);
    const batch = Array.from({ length: want }, (_, i) => cursor + i);
    cursor += want;
    const free = await mapLimit(batch, FLOOR_CONCURRENCY, floorIsFree);
    batch.forEach((p, i) => free[i] && found.push(p));
  }
  return found;
}

export const floorPlan = PLAN;
