// Holds ports for the e2e workflow: `node hold.mjs READY_FILE NAME=PROTOCOL/ADDRESS[/PORT]...`.
// Listens (TCP) or binds (UDP) on each address, port 0 unless one is given, then writes
// {name: port} as JSON to READY_FILE (through a rename, so a reader never sees half a file) and
// stays alive until killed. A socket that cannot be opened ends the process with the reason.
import { createSocket } from 'node:dgram';
import { writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';

const [readyFile, ...specs] = process.argv.slice(2);
if (!readyFile || specs.length === 0) {
  console.error('usage: node hold.mjs READY_FILE NAME=tcp|udp/ADDRESS[/PORT]...');
  process.exit(2);
}

function hold(spec) {
  const m = /^([A-Za-z][\w-]*)=(tcp|udp)\/(.+?)(?:\/(\d+))?$/.exec(spec);
  if (!m) throw new Error(`bad holder spec "${spec}"`);
  const [, name, protocol, address, port = '0'] = m;
  return new Promise((resolve, reject) => {
    if (protocol === 'tcp') {
      const server = createServer();
      server.once('error', (err) => reject(new Error(`${spec}: ${err.code ?? err.message}`)));
      server.listen({ host: address, port: Number(port), exclusive: true }, () =>
        resolve([name, server.address().port]),
      );
    } else {
      const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', (err) => reject(new Error(`${spec}: ${err.code ?? err.message}`)));
      socket.bind({ address, port: Number(port), exclusive: true }, () =>
        resolve([name, socket.address().port]),
      );
    }
  });
}

try {
  const ports = Object.fromEntries(await Promise.all(specs.map(hold)));
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ pid: process.pid, ports }));
  renameSync(`${readyFile}.tmp`, readyFile);
} catch (err) {
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ error: err.message }));
  renameSync(`${readyFile}.tmp`, readyFile);
  process.exit(1);
}
