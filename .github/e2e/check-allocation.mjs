// Checks a port-guard step that handed out ports: OUTPUTS is toJSON(steps.<id>.outputs); the
// arguments are the specs as NAME=REQUESTED/PROTOCOL (REQUESTED is a port that was held, or
// auto). Every port must be distinct, inside the default fallback range when handed out, and
// bindable right now by a server on the wildcard and on loopback.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

const outputs = JSON.parse(process.env.OUTPUTS ?? '{}');
const problems = [];
const seen = new Map();

function bind(protocol, host, port) {
  return new Promise((resolve) => {
    if (protocol === 'tcp') {
      const server = createServer();
      server.once('error', (err) => resolve(err.code ?? err.message));
      server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(null)));
    } else {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', (err) => resolve(err.code ?? err.message));
      socket.bind({ address: host, port, exclusive: true }, () =>
        socket.close(() => resolve(null)),
      );
    }
  });
}

const ports = JSON.parse(outputs.ports ?? '{}');
for (const spec of process.argv.slice(2)) {
  const [, name, requested, protocol] = /^([^=]+)=(auto|\d+)\/(tcp|udp|both)$/.exec(spec) ?? [];
  if (!name) {
    problems.push(`bad expectation "${spec}"`);
    continue;
  }
  const port = Number(outputs[name]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`${name}: output is "${outputs[name]}", not a port`);
    continue;
  }
  if (ports[name] !== port)
    problems.push(`${name}: ports output says ${ports[name]}, output ${port}`);
  if (requested !== 'auto' && port === Number(requested))
    problems.push(`${name}: ${requested} was held, yet it was handed out again`);
  if (port < 49152) problems.push(`${name}: ${port} is outside the fallback range 49152-65535`);
  for (const p of protocol === 'both' ? ['tcp', 'udp'] : [protocol]) {
    if (seen.has(`${p}/${port}`))
      problems.push(`${name}: ${port}/${p} also went to ${seen.get(`${p}/${port}`)}`);
    seen.set(`${p}/${port}`, name);
    for (const host of ['0.0.0.0', '127.0.0.1', '::1']) {
      const err = await bind(p, host, port);
      if (err) problems.push(`${name}: a server cannot bind ${port}/${p} on ${host}: ${err}`);
      else console.log(`ok: ${name} ${port}/${p} bindable on ${host}`);
    }
  }
}
if (outputs['fallback-used'] !== 'true')
  problems.push(`fallback-used is "${outputs['fallback-used']}", expected "true"`);
if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}
