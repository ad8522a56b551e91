import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface HeldPort {
  port: number;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface HoldOptions {
  protocol?: 'tcp' | 'udp';
  host: string;
  /** 0 (the default): the OS picks a free port. */
  port?: number;
  ipv6Only?: boolean;
}

// The holder runs in its own process, as a real server would; it prints its port once bound.
const SCRIPT = `
const [protocol, host, port, v6only] = process.argv.slice(1);
const done = (p) => { process.stdout.write(p + '\\n'); };
if (protocol === 'udp') {
  const s = require('dgram').createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', ipv6Only: v6only === '1' });
  s.on('error', (e) => { process.stdout.write('ERR ' + e.code + '\\n'); process.exit(3); });
  s.bind({ port: Number(port), address: host }, () => done(s.address().port));
} else {
  const s = require('net').createServer();
  s.on('error', (e) => { process.stdout.write('ERR ' + e.code + '\\n'); process.exit(3); });
  s.listen({ port: Number(port), host, ipv6Only: v6only === '1' }, () => done(s.address().port));
}
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

/** Starts a listener in a separate process and waits until it is bound. */
export async function holdPort(options: HoldOptions, runAs?: string[]): Promise<HeldPort> {
  const args = [
    '-e',
    SCRIPT,
    options.protocol ?? 'tcp',
    options.host,
    String(options.port ?? 0),
    options.ipv6Only ? '1' : '0',
  ];
  const [file, argv] = runAs
    ? [runAs[0]!, [...runAs.slice(1), process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(file, argv, { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${out}`)));
  });
  if (line.startsWith('ERR'))
    throw new Error(`holder could not bind ${options.host}:${options.port}: ${line}`);
  return {
    port: Number(line),
    pid: child.pid!,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

/** A first non-internal address of this host for a family, if it has one. */
export async function interfaceAddress(family: 'IPv4' | 'IPv6'): Promise<string | undefined> {
  const { networkInterfaces } = await import('node:os');
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) {
      if (!info.internal && info.family === family && !info.address.startsWith('fe80'))
        return info.address;
    }
  }
  return undefined;
}
