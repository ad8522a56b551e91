/**
 * Starts a real process that holds a port and says which one on its first stdout line, so
 * tests can look for it; the OS picks the port (nothing assumes a fixed port is free).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
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
      reject(new Error(`${command} exited (${code}) before reporting a port: ${err}`));
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
