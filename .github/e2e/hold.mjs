// Holds ports for the e2e workflow: `node hold.mjs READY_FILE SPEC...`, then stays alive until
// killed. A SPEC is one of
//   NAME=tcp|udp/ADDRESS[/PORT]  listen (TCP) or bind (UDP) there, on port 0 unless one is given.
//                                ADDRESS is a literal, or `iface4`/`iface6` (this runner's first
//                                non-loopback address of that family), or `default` (TCP only:
//                                Node's `listen(port)` with no host, i.e. `::` dual-stack).
//   NAME=block/K                 K consecutive TCP ports free on every address; all but the
//                                last are held, each on another kind of address (loopback,
//                                wildcard, interface, default), so that only the last is free.
//   NAME=free/K                  K consecutive ports free now (TCP and UDP); none is held.
// Writes {pid, ports: {name: port}} as JSON to READY_FILE (through a rename, so a reader never
// sees half a file); a block gives NAME_lo, NAME_hi and NAME_free. A socket that cannot be
// opened ends the process with the reason.
import { createSocket } from 'node:dgram';
import { writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';

const [readyFile, ...specs] = process.argv.slice(2);
if (!readyFile || specs.length === 0) {
  console.error('usage: node hold.mjs READY_FILE NAME=tcp|udp/ADDRESS[/PORT]|block/K|free/K...');
  process.exit(2);
}

/** This runner's first non-loopback, non-link-local address of a family. */
function interfaceAddress(family) {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? [])
      if (a.family === family && !a.internal && !/^fe80:/i.test(a.address)) return a.address;
  return undefined;
}

function resolveAddress(address) {
  if (address === 'iface4' || address === 'iface6') {
    const found = interfaceAddress(address === 'iface4' ? 'IPv4' : 'IPv6');
    if (!found)
      throw new Error(
        `this runner has no ${address === 'iface4' ? 'IPv4' : 'IPv6'} interface address`,
      );
    return found;
  }
  return address;
}

/** Opens one holder; resolves with [socket, port]. */
function open(protocol, address, port) {
  return new Promise((resolve, reject) => {
    const fail = (err) =>
      reject(Object.assign(new Error(err.code ?? err.message), { code: err.code }));
    if (protocol === 'tcp') {
      const server = createServer();
      server.once('error', fail);
      const done = () => resolve([server, server.address().port]);
      if (address === 'default') server.listen(port, done);
      else server.listen({ host: address, port, exclusive: true }, done);
    } else {
      const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', fail);
      socket.bind({ address, port, exclusive: true }, () =>
        resolve([socket, socket.address().port]),
      );
    }
  });
}

const close = (s) => new Promise((resolve) => s.close(() => resolve()));

/** Whether a port is free right now for a server on every kind of address. */
async function freeEverywhere(port, protocols) {
  const addresses = [
    '::',
    '0.0.0.0',
    '127.0.0.1',
    '::1',
    interfaceAddress('IPv4'),
    interfaceAddress('IPv6'),
  ];
  for (const protocol of protocols)
    for (const address of addresses.filter(Boolean)) {
      try {
        const [s] = await open(protocol, address, port);
        await close(s);
      } catch (err) {
        if (err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT') continue;
        return false;
      }
    }
  return true;
}

/**
 * K consecutive free ports in 20000-32767: below the ephemeral ranges of Linux (32768-60999),
 * macOS and Windows (49152-65535), so the OS does not hand them out to outgoing connections
 * while the workflow uses them.
 */
async function freeBlock(k, protocols) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lo = 20000 + Math.floor(Math.random() * (32767 - 20000 - k));
    let ok = true;
    for (let p = lo; p < lo + k && ok; p++) ok = await freeEverywhere(p, protocols);
    if (ok) return lo;
  }
  throw new Error(`no ${k} consecutive free ports found`);
}

// Every kind of address a server is likely to use; a probe plan that misses one of them reports
// that holder's port free.
const BLOCK_KINDS = ['127.0.0.1', '::1', '0.0.0.0', '::', 'default', 'iface4', 'iface6'];

const held = [];
async function hold(spec) {
  const block = /^([A-Za-z][\w-]*)=(block|free)\/(\d+)$/.exec(spec);
  if (block) {
    const [, name, kind, count] = block;
    const k = Number(count);
    if (kind === 'free') {
      const lo = await freeBlock(k, ['tcp', 'udp']);
      return [
        [`${name}_lo`, lo],
        [`${name}_hi`, lo + k - 1],
      ];
    }
    const lo = await freeBlock(k, ['tcp']);
    const kinds = BLOCK_KINDS.filter((a) => a !== 'iface6' || interfaceAddress('IPv6'));
    for (let i = 0; i < k - 1; i++) {
      const [s] = await open('tcp', resolveAddress(kinds[i % kinds.length]), lo + i);
      held.push(s);
    }
    return [
      [`${name}_lo`, lo],
      [`${name}_hi`, lo + k - 1],
      [`${name}_free`, lo + k - 1],
    ];
  }
  const m = /^([A-Za-z][\w-]*)=(tcp|udp)\/(.+?)(?:\/(\d+))?$/.exec(spec);
  if (!m) throw new Error(`bad holder spec "${spec}"`);
  const [, name, protocol, address, port = '0'] = m;
  try {
    const [s, bound] = await open(protocol, resolveAddress(address), Number(port));
    held.push(s);
    return [[name, bound]];
  } catch (err) {
    throw new Error(`${spec}: ${err.message}`, { cause: err });
  }
}

try {
  const ports = {};
  // One after another: a block search must not see this run's own holders as strangers.
  for (const spec of specs) for (const [k, v] of await hold(spec)) ports[k] = v;
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ pid: process.pid, ports }));
  renameSync(`${readyFile}.tmp`, readyFile);
} catch (err) {
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ error: err.message }));
  renameSync(`${readyFile}.tmp`, readyFile);
  process.exit(1);
}
