/**
 * The one helper for real processes that hold ports in tests: a holder prints the port it
 * bound on its first stdout line (the OS picks it unless told: nothing assumes a fixed port is
 * free), and the readiness tests' server process. Every one is stopped with SIGKILL by `stop()`.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { testNeeds } from './needs.js';

export interface HolderProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** Spawns `command args` (no shell) and waits for the port it prints. */
export function startHolder(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<HolderProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    const stop = (): Promise<void> =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} did not report a port: ${err}`));
    }, 15000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = /^(\d+)\s*\n/.exec(out);
      if (line && child.pid !== undefined) {
        clearTimeout(timer);
        resolve({ child, pid: child.pid, port: Number(line[1]), stop });
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before reporting a port: ${out}${err}`));
    });
  });
}

/** A Node one-liner that listens on TCP `host` port 0 and prints the port. */
export const nodeTcpServer = (host: string): string =>
  `const s=require('net').createServer();s.listen(0,${JSON.stringify(host)},()=>console.log(s.address().port));`;

/** A Node one-liner that binds a UDP socket on `host` port 0 and prints the port. */
export const nodeUdpSocket = (host: string): string =>
  `const s=require('dgram').createSocket(${JSON.stringify(host.includes(':') ? 'udp6' : 'udp4')});` +
  `s.bind(0,${JSON.stringify(host)},()=>console.log(s.address().port));`;

/** A port the OS says is free right now (listen on 0, then close). */
export function osPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** This process's uid and user name, for holders the tests start themselves. */
export const me = (() => {
  const info = userInfo();
  return { uid: info.uid, user: info.username };
})();

/**
 * For tests that switch to uid 65534 with `setpriv`, which needs root (and util-linux): skipped
 * with the reason elsewhere, e.g. on a GitHub-hosted runner's `runner` user, macOS or Windows.
 */
export const testAsRoot = testNeeds('root', 'setpriv');

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
export async function holdPort(options: HoldOptions, runAs?: string[]): Promise<HolderProcess> {
  const args = [
    '-e',
    SCRIPT,
    options.protocol ?? 'tcp',
    options.host,
    String(options.port ?? 0),
    options.ipv6Only ? '1' : '0',
  ];
  const [file, argv] = runAs
    ? [runAs[0], [...runAs.slice(1), process.execPath, ...args]]
    : [process.execPath, args];
  try {
    return await startHolder(file, argv);
  } catch (error) {
    const why = /ERR \S+/.exec(String(error))?.[0] ?? String(error);
    throw new Error(`holder could not bind ${options.host}:${options.port ?? 0}: ${why}`, {
      cause: error,
    });
  }
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

/** What a test server does: where it listens, when, and how it answers. */
export interface ServerBehaviour {
  protocol?: 'tcp' | 'udp';
  /** 0 with `portEnv`: the port from that environment variable (e.g. `PORT`). */
  port: number;
  portEnv?: string;
  /** Every address it binds (default 127.0.0.1). */
  hosts?: string[];
  /** Waits this long before binding. */
  delayMs?: number;
  /** Prints a line to stdout and stderr, then exits with this code instead of binding. */
  exitCode?: number;
  /** TCP: answer HTTP with these statuses, one per request, the last one repeating. */
  http?: number[];
}

// One server process for the readiness tests: behaviour from a JSON argument; it prints
// `listening` once every address is bound, and ends when its stdin closes or on SIGTERM.
const SERVER_SCRIPT = `
const b = JSON.parse(process.argv[process.argv.length - 1]);
const hosts = b.hosts || ['127.0.0.1'];
if (b.portEnv) b.port = Number(process.env[b.portEnv]);
let served = 0;
const fail = (e) => { console.error('ERR ' + e.code); process.exit(3); };
const start = () => {
  if (b.exitCode !== undefined) {
    console.log('server starting');
    console.error('fatal: cannot open config.yml');
    process.exit(b.exitCode);
  }
  let bound = 0;
  const up = () => { if (++bound === hosts.length) console.log('listening'); };
  for (const host of hosts) {
    if (b.protocol === 'udp') {
      const v6 = host.includes(':');
      const s = require('dgram').createSocket(v6 ? { type: 'udp6', ipv6Only: true } : { type: 'udp4' });
      s.on('error', fail);
      s.bind({ port: b.port, address: host }, up);
    } else {
      const s = b.http
        ? require('http').createServer((req, res) => { res.statusCode = b.http[Math.min(served++, b.http.length - 1)]; res.end('ok'); })
        : require('net').createServer((c) => c.end());
      s.on('error', fail);
      s.listen({ port: b.port, host, ipv6Only: host.includes(':') }, up);
    }
  }
};
setTimeout(start, b.delayMs || 0);
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {}, 1 << 30);
`;

/** Writes the test server's script into `dir`; returns its path (for a `run` command line). */
export function writeServerScript(dir: string): string {
  const path = join(dir, 'test-server.cjs');
  writeFileSync(path, SCRIPT_HEADER + SERVER_SCRIPT);
  return path;
}

const SCRIPT_HEADER = '// port-guard readiness test server\n';

/** A shell command line that runs the test server with `behaviour` (paths single-quoted). */
export function serverCommand(script: string, behaviour: ServerBehaviour): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [process.execPath, script, JSON.stringify(behaviour)].map(quote).join(' ');
}

/** Spawns the test server directly (no shell); the test owns and stops it. */
export function spawnServer(behaviour: ServerBehaviour): {
  process: ChildProcess;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
} {
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT, JSON.stringify(behaviour)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    process: child,
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
