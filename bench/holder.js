// A separate process that holds ports on request, so every probe in the bench meets a real
// listener owned by another process (a same-process holder would not show every behaviour).
import net from 'node:net';
import dgram from 'node:dgram';

const held = new Map();
let nextId = 1;

function holdTcp({ host, port, ipv6Only }) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: Boolean(ipv6Only), exclusive: true }, () =>
      resolve({ socket: server, port: server.address().port }),
    );
  });
}

function holdUdp({ host, port }) {
  return new Promise((resolve, reject) => {
    const type = net.isIPv6(host) ? 'udp6' : 'udp4';
    const socket = dgram.createSocket({ type });
    socket.once('error', reject);
    socket.bind({ address: host, port, exclusive: true }, () =>
      resolve({ socket, port: socket.address().port }),
    );
  });
}

process.on('message', async (msg) => {
  try {
    if (msg.op === 'hold') {
      const { socket, port } = msg.protocol === 'udp' ? await holdUdp(msg) : await holdTcp(msg);
      const id = nextId++;
      held.set(id, socket);
      process.send({ seq: msg.seq, id, port });
    } else if (msg.op === 'release') {
      const socket = held.get(msg.id);
      held.delete(msg.id);
      await new Promise((resolve) => socket.close(() => resolve()));
      process.send({ seq: msg.seq });
    } else if (msg.op === 'exit') {
      process.exit(0);
    }
  } catch (error) {
    process.send({ seq: msg.seq, error: `${error.code ?? error.message}` });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
