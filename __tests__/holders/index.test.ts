import { readFileSync } from 'node:fs';
import { findHolders, findHoldersOn } from '../../src/holders/index.js';
import { runTool, type ToolRunner } from '../../src/system/run-tool.js';
import { nodeTcpServer, startHolder, type HolderProcess } from '../support/holder-process.js';
import { testNeeds } from '../support/needs.js';

let server: HolderProcess;
beforeAll(async () => {
  server = await startHolder(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
});
afterAll(() => server.stop());

test('findHolders on this machine (Linux: /proc)', async () => {
  expect(await findHolders([{ port: server.port, protocol: 'tcp' }])).toEqual([
    expect.objectContaining({ pid: server.pid, command: 'node', addresses: ['127.0.0.1'] }),
  ]);
});

test('a port asked twice is answered once', async () => {
  const query = { port: server.port, protocol: 'tcp' as const };
  expect(await findHolders([query, { ...query }])).toHaveLength(1);
});

testNeeds('lsof')(
  'the lsof path (macOS, BSD) with this machine’s lsof finds the same holder',
  async () => {
    for (const platform of ['darwin', 'freebsd'] as const) {
      expect(await findHoldersOn(platform, [{ port: server.port, protocol: 'tcp' }])).toEqual([
        expect.objectContaining({ pid: server.pid, command: 'node', addresses: ['127.0.0.1'] }),
      ]);
    }
  },
);

test('the Windows path with recorded netstat output', async () => {
  const run: ToolRunner = async (command) =>
    command === 'C:\\Windows\\System32\\netstat.exe'
      ? {
          code: 0,
          stdout: readFileSync(
            new URL('../fixtures/holders/win32/netstat-ano-win10-en-US.txt', import.meta.url),
            'latin1',
          ),
        }
      : { code: 0, stdout: '"node.exe","4242","Console","1","45,120 K"\r\n' };
  expect(await findHoldersOn('win32', [{ port: 3000, protocol: 'tcp' }], { run })).toEqual([
    {
      protocol: 'tcp',
      port: 3000,
      addresses: ['0.0.0.0', '::'],
      state: 'listen',
      pid: 4242,
      command: 'node.exe',
    },
  ]);
});

test('missing tools on any platform: an empty list, never a throw', async () => {
  const missing: ToolRunner = (command, args, options) =>
    runTool(`/nonexistent/${command}`, args, options);
  for (const platform of ['darwin', 'win32', 'openbsd'] as const) {
    await expect(
      findHoldersOn(platform, [{ port: server.port, protocol: 'tcp' }], { run: missing }),
    ).resolves.toEqual([]);
  }
  await expect(
    findHoldersOn('linux', [{ port: server.port, protocol: 'tcp' }], {
      linux: { procRoot: '/nonexistent' },
    }),
  ).resolves.toEqual([]);
});

test('queries that are not ports are dropped before any tool sees them', async () => {
  const seen: string[][] = [];
  const run: ToolRunner = async (_command, args) => {
    seen.push(args);
    return { code: 1, stdout: '' };
  };
  const bad = [
    { port: 0, protocol: 'tcp' as const },
    { port: 65536, protocol: 'tcp' as const },
    { port: 1.5, protocol: 'udp' as const },
    { port: Number.NaN, protocol: 'tcp' as const },
    { port: 80, protocol: 'sctp' as unknown as 'tcp' },
  ];
  expect(await findHoldersOn('darwin', bad, { run })).toEqual([]);
  expect(seen).toEqual([]);
});
