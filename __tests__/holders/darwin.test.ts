/**
 * The lsof path: the parser on recorded-style macOS outputs, and the real `lsof` and `ps` of
 * this Linux machine (same tools, same flags) against holders in other processes.
 */
import { readFileSync } from 'node:fs';
import {
  displayPsLine,
  findHoldersWithLsof,
  holdersFromLsof,
  localEndpoint,
  lsofArgs,
  parseLsof,
  parsePsCommandLines,
  psProgramName,
} from '../../src/holders/darwin.js';
import { runTool, type ToolRunner } from '../../src/system/run-tool.js';
import {
  me,
  nodeTcpServer,
  nodeUdpSocket,
  startHolder,
  type HolderProcess,
} from '../support/holder-process.js';
import { describeNeeds } from '../support/needs.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/holders/darwin/${name}`, import.meta.url), 'utf8');
const psLines = parsePsCommandLines(fixture('ps-command-lines.txt'));

describe('parseLsof and holdersFromLsof on macOS outputs', () => {
  test('macOS 12: ControlCenter (AirPlay Receiver) on *:5000, with f fields', () => {
    const files = parseLsof(fixture('macos-12-monterey-tcp-5000.txt'));
    expect(files).toEqual([
      {
        pid: 512,
        command: 'ControlCenter',
        uid: 501,
        login: 'dev',
        type: 'IPv4',
        protocol: 'TCP',
        name: '*:5000',
        tcpState: 'LISTEN',
      },
      {
        pid: 512,
        command: 'ControlCenter',
        uid: 501,
        login: 'dev',
        type: 'IPv6',
        protocol: 'TCP',
        name: '*:5000',
        tcpState: 'LISTEN',
      },
    ]);
    expect(holdersFromLsof(files, [{ port: 5000, protocol: 'tcp' }], psLines)).toEqual([
      {
        protocol: 'tcp',
        port: 5000,
        addresses: ['0.0.0.0', '::'],
        state: 'listen',
        pid: 512,
        command: 'ControlCenter',
        commandLine: 'ControlCenter',
        uid: 501,
        user: 'dev',
      },
    ]);
  });

  test('macOS 14: [::1]:3000 and 127.0.0.1:3000 are one holder; queries pick their port', () => {
    const files = parseLsof(fixture('macos-14-sonoma-tcp-3000-8080.txt'));
    const holders = holdersFromLsof(
      files,
      [
        { port: 3000, protocol: 'tcp' },
        { port: 8080, protocol: 'tcp' },
        { port: 3000, protocol: 'udp' },
      ],
      psLines,
    );
    expect(holders.map((h) => [h.port, h.pid, h.command, h.addresses])).toEqual([
      [3000, 4242, 'node', ['::1', '127.0.0.1']],
      [8080, 4250, 'com.docker.backend', ['::']],
    ]);
    expect(holders[0].commandLine).toBe('node /Users/dev/app/node_modules/.bin/vite --port 3000');
  });

  test('macOS 15: UDP bound and connected, a command name with spaces, a long command line shortened', () => {
    const holders = holdersFromLsof(
      parseLsof(fixture('macos-15-sequoia-udp-5353.txt')),
      [{ port: 5353, protocol: 'udp' }],
      psLines,
    );
    expect(holders.map((h) => [h.pid, h.state, h.command, h.user, h.addresses])).toEqual([
      [388, 'bound', 'mDNSResponder', '_mdnsresponder', ['0.0.0.0', '::']],
      [1733, 'bound', 'Google Chrome Helper', 'dev', ['0.0.0.0']],
      [1733, 'connected', 'Google Chrome Helper', 'dev', ['192.168.1.20']],
    ]);
    const chrome = holders[1].commandLine ?? '';
    expect(chrome.startsWith('Google Chrome Helper --type=utility')).toBe(true);
    expect(Array.from(chrome)).toHaveLength(120);
    expect(chrome.endsWith('…')).toBe(true);
  });

  test('macOS 15: several ports in one run, a login missing, a scoped IPv6 address, a bound socket', () => {
    const holders = holdersFromLsof(parseLsof(fixture('macos-15-sequoia-tcp-multi.txt')), [
      { port: 5432, protocol: 'tcp' },
      { port: 6379, protocol: 'tcp' },
      { port: 7000, protocol: 'tcp' },
      { port: 7001, protocol: 'tcp' },
    ]);
    expect(holders.map((h) => [h.port, h.pid, h.state, h.user, h.uid, h.addresses])).toEqual([
      [5432, 811, 'listen', 'dev', 501, ['::1', '127.0.0.1']],
      [6379, 905, 'listen', undefined, 501, ['0.0.0.0', '::']],
      [7000, 77, 'listen', 'root', 0, ['fe80:4::1']],
      // -sTCP:CLOSED: bound without listening, which still blocks a server's bind.
      [7001, 2210, 'bound', 'dev', 501, ['127.0.0.1']],
    ]);
  });

  test('every file of a recorded output starts at its f line and carries its TCP state', () => {
    const files = parseLsof(fixture('macos-15-sequoia-tcp-multi.txt'));
    expect(files.map((f) => [f.pid, f.name, f.tcpState])).toEqual([
      [811, '[::1]:5432', 'LISTEN'],
      [811, '127.0.0.1:5432', 'LISTEN'],
      [905, '*:6379', 'LISTEN'],
      [905, '*:6379', 'LISTEN'],
      [77, '[fe80:4::1]:7000', 'LISTEN'],
      [2210, '127.0.0.1:7001', 'CLOSED'],
    ]);
  });

  test("lsof's c field is the main thread's name (Node 24: MainThread); the program comes from ps", () => {
    // Recorded on Linux with lsof 4.95 and Node 24, with the arguments lsofArgs gives.
    const files = parseLsof(fixture('linux-lsof-4.95-node24-tcp-40839.txt'));
    expect(files).toEqual([
      expect.objectContaining({ pid: 28522, command: 'MainThread', tcpState: 'LISTEN' }),
    ]);
    const query = [{ port: 40839, protocol: 'tcp' as const }];
    const [holder] = holdersFromLsof(
      files,
      query,
      parsePsCommandLines(fixture('linux-ps-node24.txt')),
    );
    expect(holder).toMatchObject({ pid: 28522, command: 'node', addresses: ['127.0.0.1'] });
    expect(holder.commandLine).toMatch(/^node -e const s=require/);
    // Without ps, the short name is all there is.
    expect(holdersFromLsof(files, query)[0].command).toBe('MainThread');
  });

  test('garbage and an empty output give nothing', () => {
    expect(parseLsof('')).toEqual([]);
    expect(parseLsof("lsof: WARNING: can't stat()\nxyz\nn*:80\n")).toEqual([]);
  });
});

test('localEndpoint', () => {
  expect(localEndpoint('127.0.0.1:3000')).toEqual({
    address: '127.0.0.1',
    port: 3000,
    connected: false,
  });
  expect(localEndpoint('[::1]:3000')).toEqual({ address: '::1', port: 3000, connected: false });
  expect(localEndpoint('*:3000', 'IPv6')).toEqual({ address: '::', port: 3000, connected: false });
  expect(localEndpoint('*:3000 (LISTEN)', 'IPv4')).toEqual({
    address: '0.0.0.0',
    port: 3000,
    connected: false,
  });
  expect(localEndpoint('10.0.0.2:5353->224.0.0.251:5353')).toMatchObject({
    address: '10.0.0.2',
    connected: true,
  });
  expect(localEndpoint('no port here')).toBeUndefined();
});

test('psProgramName: the base name of argv[0], whole even with spaces', () => {
  expect(psProgramName('/usr/sbin/mDNSResponder', 'mDNSResponder')).toBe('mDNSResponder');
  expect(psProgramName('/A B.app/Contents/MacOS/A B --x', 'A B')).toBe('A B');
  expect(psProgramName('/opt/node/bin/node server.js', 'MainThread')).toBe('node');
  expect(psProgramName(undefined, 'MainThread')).toBe('MainThread');
});

test('displayPsLine keeps a program name with spaces whole', () => {
  expect(displayPsLine('/usr/sbin/mDNSResponder', 'mDNSResponder')).toBe('mDNSResponder');
  expect(displayPsLine('/A B.app/Contents/MacOS/A B --x', 'A B')).toBe('A B --x');
  expect(displayPsLine('/usr/bin/python3 -m http.server', 'Python')).toBe('python3 -m http.server');
});

test('lsofArgs: fixed arguments, TCP listeners and bound sockets only, UDP separately', () => {
  expect(lsofArgs('tcp', [3000, 5432])).toEqual([
    '-nP',
    '-w',
    '+c',
    '0',
    '-Ts',
    '-iTCP:3000,5432',
    '-sTCP:LISTEN,CLOSED',
    '-FpcfuLPtTn',
  ]);
  expect(lsofArgs('udp', [5353])).toEqual(['-nP', '-w', '+c', '0', '-iUDP:5353', '-FpcfuLPtn']);
});

describeNeeds('lsof', 'ps')('findHoldersWithLsof with the real lsof and ps of this machine', () => {
  const started: HolderProcess[] = [];
  afterAll(() => Promise.all(started.map((h) => h.stop())));

  test('finds a TCP listener and a UDP socket in other processes, in one lookup', async () => {
    const tcp = await startHolder(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
    const udp = await startHolder(process.execPath, ['-e', nodeUdpSocket('::1')]);
    started.push(tcp, udp);
    const holders = await findHoldersWithLsof([
      { port: tcp.port, protocol: 'tcp' },
      { port: udp.port, protocol: 'udp' },
    ]);
    expect(holders).toEqual([
      expect.objectContaining({
        protocol: 'tcp',
        pid: tcp.pid,
        command: 'node',
        addresses: ['127.0.0.1'],
        state: 'listen',
        user: me.user,
      }),
      expect.objectContaining({
        protocol: 'udp',
        pid: udp.pid,
        command: 'node',
        addresses: ['::1'],
        state: 'bound',
      }),
    ]);
    expect(holders[0].commandLine).toMatch(/^node -e const s=require\('net'\)/);
  });

  test('a free port: lsof exits 1, no holders, no error', async () => {
    const server = await startHolder(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
    started.push(server);
    // Queried as UDP, the TCP listener's port has nothing on it.
    const result = await runTool('lsof', lsofArgs('udp', [server.port]), { timeoutMs: 3000 });
    expect(result.code).toBe(1);
    await expect(findHoldersWithLsof([{ port: server.port, protocol: 'udp' }])).resolves.toEqual(
      [],
    );
  });

  test('lsof missing: no holders, no error', async () => {
    const missing: ToolRunner = (command, args, options) =>
      runTool(`/nonexistent/${command}`, args, options);
    await expect(findHoldersWithLsof([{ port: 80, protocol: 'tcp' }], missing)).resolves.toEqual(
      [],
    );
  });
});
