/**
 * The Linux lookup against a made-up /proc tree: the socket tables are fixtures, the pids are
 * directories with real `socket:[inode]` symlinks, so grouping, hidden sockets and unreadable
 * pids are checked exactly. The real /proc is exercised in holders-linux.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findHoldersLinux, parsePasswd } from '../../src/holders/linux.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/holders/', import.meta.url));
const passwdPath = join(FIXTURES, 'passwd');
let procRoot: string;
let allReadable: string;

function fakeProcess(
  pid: number,
  comm: string,
  argv: string[],
  uid: number,
  inodes: number[],
  exe?: string,
): void {
  const dir = join(procRoot, String(pid));
  mkdirSync(join(dir, 'fd'), { recursive: true });
  if (exe !== undefined) symlinkSync(exe, join(dir, 'exe'));
  writeFileSync(join(dir, 'comm'), `${comm}\n`);
  writeFileSync(join(dir, 'cmdline'), `${argv.join('\0')}\0`);
  writeFileSync(join(dir, 'status'), `Name:\t${comm}\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`);
  symlinkSync('/dev/null', join(dir, 'fd', '0'));
  inodes.forEach((inode, i) => symlinkSync(`socket:[${inode}]`, join(dir, 'fd', String(i + 3))));
}

beforeAll(() => {
  procRoot = mkdtempSync(join(tmpdir(), 'port-guard-proc-'));
  cpSync(join(FIXTURES, 'proc'), join(procRoot, 'net'), { recursive: true });
  fakeProcess(
    812,
    'postgres',
    ['/usr/lib/postgresql/16/bin/postgres', '-D', '/var/lib/postgresql'],
    70,
    [21001, 21011, 21004],
  );
  // A forked worker shares the listening socket: it is a holder too. Its argv[0] is a title,
  // not a program, and it has no exe link here: its name comes from comm.
  fakeProcess(900, 'postgres', ['postgres: checkpointer', '', ''], 70, [21001]);
  // A Node 24 server: comm is its main thread's name; argv[0] and exe name the program.
  fakeProcess(4242, 'MainThread', ['node', 'server.js'], 1000, [21013], '/usr/local/bin/node');
  // A title-rewriting process whose exe link names the program (python3 → python3.12).
  fakeProcess(4300, 'MainThread', ['worker: idle'], 1000, [21014], '/usr/bin/python3.12 (deleted)');
  fakeProcess(613, 'avahi-daemon', ['avahi-daemon: running [host.local]'], 104, [22001, 22011]);
  fakeProcess(
    1400,
    'docker-proxy',
    [
      '/usr/bin/docker-proxy',
      '-proto',
      'tcp',
      '-host-ip',
      '192.168.1.20',
      '-host-port',
      '6000',
      '-container-ip',
      '172.17.0.2',
      '-container-port',
      '80',
    ],
    0,
    [21005],
  );
  // A pid gone while the walk runs (no fd directory): skipped without a word.
  mkdirSync(join(procRoot, '77'));
  mkdirSync(join(procRoot, 'self'));
  // Every process above can be looked into; a copy of the tree adds one that cannot (its fd
  // "directory" cannot be listed, as another user's cannot without root).
  allReadable = `${procRoot}-all-readable`;
  cpSync(procRoot, allReadable, { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(procRoot, '66'));
  writeFileSync(join(procRoot, '66', 'fd'), '');
});

afterAll(() => {
  rmSync(procRoot, { recursive: true, force: true });
  rmSync(allReadable, { recursive: true, force: true });
});

const lookup = (port: number, protocol: 'tcp' | 'udp' = 'tcp', root = procRoot) =>
  findHoldersLinux([{ port, protocol }], { procRoot: root, passwdPath, byteOrder: 'LE' });

test('one holder per process lists all its addresses; connections are left out when a listener exists', async () => {
  expect(await lookup(5432)).toEqual([
    {
      protocol: 'tcp',
      port: 5432,
      addresses: ['0.0.0.0', '::'],
      state: 'listen',
      pid: 812,
      command: 'postgres',
      commandLine: 'postgres -D /var/lib/postgresql',
      uid: 70,
      user: 'postgres',
    },
    // The forked worker holds the same IPv4 socket.
    {
      protocol: 'tcp',
      port: 5432,
      addresses: ['0.0.0.0'],
      state: 'listen',
      pid: 900,
      command: 'postgres',
      commandLine: 'postgres: checkpointer',
      uid: 70,
      user: 'postgres',
    },
  ]);
});

test('the program name comes from argv[0] or exe, not from comm (the main thread: MainThread)', async () => {
  expect(await lookup(3001)).toEqual([
    expect.objectContaining({ pid: 4242, command: 'node', commandLine: 'node server.js' }),
  ]);
  expect(await lookup(3002)).toEqual([
    expect.objectContaining({ pid: 4300, command: 'python3.12', commandLine: 'worker: idle' }),
  ]);
});

test('a socket whose process cannot be seen is reported with its uid as hidden, never as a user guess', async () => {
  expect(await lookup(3000)).toEqual([
    {
      protocol: 'tcp',
      port: 3000,
      addresses: ['127.0.0.1', '::1'],
      state: 'listen',
      uid: 1000,
      user: 'dev',
      hidden: true,
    },
  ]);
  // With every process looked into, an unmapped socket is not "hidden": a kernel socket, or a
  // process in another PID namespace.
  const [unmapped] = await lookup(3000, 'tcp', allReadable);
  expect(unmapped.hidden).toBeUndefined();
  expect(unmapped.uid).toBe(1000);
  // The mapped ones are found the same in both trees.
  expect(await lookup(5432, 'tcp', allReadable)).toEqual(await lookup(5432));
});

test('a lingering TIME_WAIT is what blocks a port nobody listens on', async () => {
  expect(await lookup(8080)).toEqual([
    { protocol: 'tcp', port: 8080, addresses: ['10.1.2.3'], state: 'time-wait' },
  ]);
});

test('an outgoing connection whose local port is the port', async () => {
  const holders = await lookup(41234);
  expect(holders).toEqual([
    expect.objectContaining({
      state: 'established',
      addresses: ['127.0.0.1'],
      uid: 1000,
      hidden: true,
    }),
  ]);
});

test('docker-proxy: the container address and port come from its command line', async () => {
  const [holder] = await lookup(6000);
  expect(holder).toMatchObject({
    pid: 1400,
    state: 'bound',
    command: 'docker-proxy',
    container: { ip: '172.17.0.2', port: 80 },
  });
  expect(holder.container?.name).toBeUndefined();
});

test('UDP: bound and connected sockets, visible and hidden, in one call with a TCP query', async () => {
  const holders = await findHoldersLinux(
    [
      { port: 5353, protocol: 'udp' },
      { port: 5432, protocol: 'tcp' },
      { port: 1, protocol: 'tcp' },
    ],
    { procRoot, passwdPath },
  );
  expect(
    holders.map((h) => [h.protocol, h.port, h.state, h.pid ?? `uid ${h.uid}`, h.addresses]),
  ).toEqual([
    ['udp', 5353, 'bound', 613, ['0.0.0.0', '::']],
    ['udp', 5353, 'connected', 'uid 1000', ['127.0.0.1']],
    ['tcp', 5432, 'listen', 812, ['0.0.0.0', '::']],
    ['tcp', 5432, 'listen', 900, ['0.0.0.0']],
  ]);
  expect(holders[0].commandLine).toBe('avahi-daemon: running [host.local]');
});

test('a missing /proc yields no holders, not an error', async () => {
  await expect(
    findHoldersLinux([{ port: 80, protocol: 'tcp' }], { procRoot: join(procRoot, 'nope') }),
  ).resolves.toEqual([]);
});

test('parsePasswd: the first name of a uid wins; comments and broken lines are skipped', () => {
  const users = parsePasswd(
    'root:x:0:0::/root:/bin/sh\n# c\ntoor:x:0:0::/:/bin/sh\nbad\nnobody:x:65534:65534::/:/bin/false\n',
  );
  expect([...users]).toEqual([
    [0, 'root'],
    [65534, 'nobody'],
  ]);
});
