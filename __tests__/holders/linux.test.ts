/**
 * The Linux lookup on this machine's real /proc, against holders started as separate processes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findHoldersLinux } from '../../src/holders/linux.js';
import {
  nodeTcpServer,
  me,
  nodeUdpSocket,
  osPickedPort,
  startHolder,
  testAsRoot,
  type HolderProcess,
} from '../support/holder-process.js';
import { transpileHolders } from '../support/transpiled-holders.js';
import { testNeeds } from '../support/needs.js';

// Every test here reads this machine's /proc: elsewhere each is skipped, saying so.
const linuxTest = testNeeds('linux');

const run = promisify(execFile);
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const started: HolderProcess[] = [];
const cleanup: string[] = [];

async function hold(command: string, args: string[]): Promise<HolderProcess> {
  const holder = await startHolder(command, args);
  started.push(holder);
  return holder;
}

afterAll(async () => {
  await Promise.all(started.map((h) => h.stop()));
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

linuxTest(
  'a Node TCP server on 127.0.0.1 in another process: its pid, command and user',
  async () => {
    const server = await hold(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
    const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
    expect(holders).toEqual([
      expect.objectContaining({
        protocol: 'tcp',
        port: server.port,
        pid: server.pid,
        command: 'node',
        addresses: ['127.0.0.1'],
        state: 'listen',
        uid: me.uid,
        user: me.user,
      }),
    ]);
    expect(holders[0].commandLine).toMatch(/^node -e const s=require\('net'\)/);
    expect(holders[0].commandLine).not.toMatch(/[\n\0]/);
  },
);

linuxTest('a Node TCP server on :: (dual-stack)', async () => {
  const server = await hold(process.execPath, ['-e', nodeTcpServer('::')]);
  const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
  expect(holders).toEqual([
    expect.objectContaining({ pid: server.pid, command: 'node', addresses: ['::'] }),
  ]);
});

linuxTest('one process listening on 0.0.0.0 and :: is one holder with both addresses', async () => {
  const script =
    "const net=require('net');const a=net.createServer();a.listen(0,'0.0.0.0',()=>{const p=a.address().port;" +
    "net.createServer().listen({port:p,host:'::',ipv6Only:true},()=>console.log(p))});";
  const server = await hold(process.execPath, ['-e', script]);
  const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
  expect(holders).toHaveLength(1);
  expect(holders[0].pid).toBe(server.pid);
  expect([...holders[0].addresses].sort()).toEqual(['0.0.0.0', '::']);
});

testNeeds('linux', 'python3')('a Python server: command python3', async () => {
  const script =
    'import socket,sys\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen()\n' +
    'print(s.getsockname()[1],flush=True)\nsys.stdin.read()';
  const server = await hold('python3', ['-c', script]);
  const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
  expect(holders).toEqual([
    expect.objectContaining({ pid: server.pid, command: 'python3', state: 'listen' }),
  ]);
  expect(holders[0].commandLine).toMatch(/^python3 -c import socket,sys s=socket\.socket\(\)/);
});

linuxTest(
  'a forking server: the parent and its child share the listener, and both are holders',
  async () => {
    // The child keeps the inherited socket and leaves when its parent is gone.
    const script =
      'import os,socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen()\n' +
      'parent=os.getpid()\nif os.fork()==0:\n  while os.getppid()==parent: time.sleep(0.05)\n  os._exit(0)\n' +
      'print(s.getsockname()[1],flush=True)\nsys.stdin.read()';
    const server = await hold('python3', ['-c', script]);
    const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8');
    const child = Number(children.trim().split(/\s+/)[0]);
    expect(child).toBeGreaterThan(0);
    const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
    expect(holders.map((h) => [h.pid, h.command, h.state, h.addresses]).sort()).toEqual(
      [
        [server.pid, 'python3', 'listen', ['127.0.0.1']],
        [child, 'python3', 'listen', ['127.0.0.1']],
      ].sort(),
    );
  },
);

linuxTest('a UDP socket: state bound, found only under udp', async () => {
  const socket = await hold(process.execPath, ['-e', nodeUdpSocket('127.0.0.1')]);
  const holders = await findHoldersLinux([
    { port: socket.port, protocol: 'udp' },
    { port: socket.port, protocol: 'tcp' },
  ]);
  const mine = holders.filter((h) => h.pid === socket.pid);
  expect(mine).toEqual([
    expect.objectContaining({
      protocol: 'udp',
      state: 'bound',
      addresses: ['127.0.0.1'],
      command: 'node',
    }),
  ]);
});

testAsRoot('a holder running as another user: uid 65534, user nobody', async () => {
  const server = await hold('setpriv', [
    ...NOBODY,
    process.execPath,
    '-e',
    nodeTcpServer('127.0.0.1'),
  ]);
  const holders = await findHoldersLinux([{ port: server.port, protocol: 'tcp' }]);
  // setpriv execs node, so the pid is the one spawned.
  expect(holders).toEqual([
    expect.objectContaining({ pid: server.pid, command: 'node', uid: 65534, user: 'nobody' }),
  ]);
});

describe('the lookup run as an unprivileged user (uid 65534)', () => {
  let lookupScript: string;

  beforeAll(() => {
    const dir = transpileHolders();
    cleanup.push(dir);
    lookupScript = join(dir, 'lookup.mjs');
    writeFileSync(
      lookupScript,
      "import { findHoldersLinux } from './holders/linux.js';\n" +
        'const [port, protocol] = process.argv.slice(2);\n' +
        'console.log(JSON.stringify(await findHoldersLinux([{ port: Number(port), protocol }])));\n',
      { mode: 0o644 },
    );
  });

  const lookupAsNobody = async (port: number) => {
    const { stdout } = await run('setpriv', [
      ...NOBODY,
      process.execPath,
      lookupScript,
      String(port),
      'tcp',
    ]);
    return JSON.parse(stdout) as unknown[];
  };

  testAsRoot("cannot see root's process: uid 0 and hidden, no pid, no guess", async () => {
    const server = await hold(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
    expect(await lookupAsNobody(server.port)).toEqual([
      {
        protocol: 'tcp',
        port: server.port,
        addresses: ['127.0.0.1'],
        state: 'listen',
        uid: 0,
        user: 'root',
        hidden: true,
      },
    ]);
  });

  testAsRoot('still sees a process of its own user', async () => {
    const server = await hold('setpriv', [
      ...NOBODY,
      process.execPath,
      '-e',
      nodeTcpServer('127.0.0.1'),
    ]);
    expect(await lookupAsNobody(server.port)).toEqual([
      expect.objectContaining({ pid: server.pid, command: 'node', uid: 65534, user: 'nobody' }),
    ]);
  });
});

linuxTest(
  'a connection in TIME_WAIT blocks the port after its listener is gone: no process',
  async () => {
    const server: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // The server closes first, so its side (local port = port) lingers in TIME_WAIT.
    await new Promise<void>((resolve) => {
      const client: Socket = connect(port, '127.0.0.1');
      client.on('end', () => client.end());
      client.on('close', () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const holders = await findHoldersLinux([{ port, protocol: 'tcp' }]);
    expect(holders).toContainEqual({
      protocol: 'tcp',
      port,
      addresses: ['127.0.0.1'],
      state: 'time-wait',
    });
    expect(holders.every((h) => h.pid === undefined)).toBe(true);
  },
);

linuxTest('an outgoing connection from another process, by its local port', async () => {
  const server: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = (server.address() as { port: number }).port;
  try {
    const client = await hold(process.execPath, [
      '-e',
      `const c=require('net').connect(${target},'127.0.0.1',()=>console.log(c.localPort));`,
    ]);
    const holders = await findHoldersLinux([{ port: client.port, protocol: 'tcp' }]);
    expect(holders).toEqual([
      expect.objectContaining({ pid: client.pid, state: 'established', addresses: ['127.0.0.1'] }),
    ]);
    await client.stop();
  } finally {
    server.close();
  }
});

linuxTest('a fake docker-proxy: the container address and port from its command line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'port-guard-proxy-'));
  cleanup.push(dir);
  // Through a symlink named docker-proxy, node runs with comm and argv[0] "docker-proxy".
  const proxy = join(dir, 'docker-proxy');
  symlinkSync(process.execPath, proxy);
  const script = join(dir, 'proxy.cjs');
  writeFileSync(
    script,
    "const a=process.argv;const p=Number(a[a.indexOf('-host-port')+1]);" +
      "require('net').createServer().listen(p,'127.0.0.1',()=>console.log(p));",
  );
  chmodSync(dir, 0o755);
  const port = await osPickedPort();
  const holder = await hold(proxy, [
    script,
    '-proto',
    'tcp',
    '-host-ip',
    '127.0.0.1',
    '-host-port',
    String(port),
    '-container-ip',
    '172.17.0.2',
    '-container-port',
    '80',
  ]);
  const holders = await findHoldersLinux([{ port, protocol: 'tcp' }]);
  expect(holders).toEqual([
    expect.objectContaining({
      pid: holder.pid,
      command: 'docker-proxy',
      container: { ip: '172.17.0.2', port: 80 },
    }),
  ]);
  expect(holders[0].commandLine).toMatch(
    /^docker-proxy \S+proxy\.cjs -proto tcp -host-ip 127\.0\.0\.1/,
  );
});

linuxTest('several queries in one call are each answered', async () => {
  const a = await hold(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
  const b = await hold(process.execPath, ['-e', nodeUdpSocket('::1')]);
  const holders = await findHoldersLinux([
    { port: a.port, protocol: 'tcp' },
    { port: b.port, protocol: 'udp' },
  ]);
  expect(holders.map((h) => [h.protocol, h.port, h.pid, h.addresses])).toEqual([
    ['tcp', a.port, a.pid, ['127.0.0.1']],
    ['udp', b.port, b.pid, ['::1']],
  ]);
});
