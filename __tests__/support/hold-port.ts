/** A holder in another process: a TCP listener or a bound UDP socket, on a port the OS picks. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface HeldPort {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const SCRIPT = `
const [protocol, host, port] = process.argv.slice(1);
const report = (p) => process.stdout.write(p + '\\n');
if (protocol === 'tcp') {
  const s = require('net').createServer();
  s.listen({ host, port: Number(port), exclusive: true }, () => report(s.address().port));
} else {
  const s = require('dgram').createSocket(host.includes(':') ? 'udp6' : 'udp4');
  s.bind({ address: host, port: Number(port), exclusive: true }, () => report(s.address().port));
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`;

/** Holds `host:port` (port 0: the OS picks) until `stop()` or until this process ends. */
export function holdPort(
  protocol: 'tcp' | 'udp',
  host: string,
  port = 0,
  command: string[] = [process.execPath],
): Promise<HeldPort> {
  const [file, ...pre] = command;
  const child: ChildProcess = spawn(file!, [...pre, '-e', SCRIPT, protocol, host, String(port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      resolve({
        port: Number(out.trim()),
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.stdin!.end();
          }),
      });
    });
  });
}
