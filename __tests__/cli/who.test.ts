import { InputError } from '../../src/spec/input-error.js';
import { formatWhoJson, formatWhoTable, parseWhoTargets, who } from '../../src/cli/who.js';
import type { Holder, HolderQuery } from '../../src/holders/lookup.js';
import { nodeTcpServer, startHolder } from '../support/holder-process.js';

test('who: one lookup for all queries, holders sorted back to their query', async () => {
  const calls: HolderQuery[][] = [];
  const holders: Holder[] = [
    { protocol: 'udp', port: 53, addresses: ['127.0.0.53'], state: 'bound', pid: 7 },
    { protocol: 'tcp', port: 53, addresses: ['127.0.0.53'], state: 'listen', pid: 7 },
  ];
  const finder = async (queries: HolderQuery[]) => {
    calls.push(queries);
    return holders;
  };
  const queries: HolderQuery[] = [
    { port: 53, protocol: 'tcp' },
    { port: 53, protocol: 'udp' },
    { port: 80, protocol: 'tcp' },
  ];
  const results = await who(queries, finder);
  expect(calls).toEqual([queries]);
  expect(results).toEqual([
    { query: queries[0], holders: [holders[1]] },
    { query: queries[1], holders: [holders[0]] },
    { query: queries[2], holders: [] },
  ]);
});

test('who with the real lookup finds a server in another process', async () => {
  const server = await startHolder(process.execPath, ['-e', nodeTcpServer('127.0.0.1')]);
  try {
    const [result] = await who([{ port: server.port, protocol: 'tcp' }]);
    expect(result.holders).toEqual([expect.objectContaining({ pid: server.pid, command: 'node' })]);
  } finally {
    await server.stop();
  }
});

test('formatWhoTable: aligned columns, one row per holder, the unseen said plainly', () => {
  const table = formatWhoTable([
    {
      query: { port: 5432, protocol: 'tcp' },
      holders: [
        {
          protocol: 'tcp',
          port: 5432,
          addresses: ['0.0.0.0', '::'],
          state: 'listen',
          pid: 812,
          command: 'postgres',
          commandLine: 'postgres -D /data',
          uid: 70,
          user: 'postgres',
        },
      ],
    },
    {
      query: { port: 3000, protocol: 'tcp' },
      holders: [
        {
          protocol: 'tcp',
          port: 3000,
          addresses: ['127.0.0.1'],
          state: 'listen',
          uid: 0,
          user: 'root',
          hidden: true,
        },
      ],
    },
    {
      query: { port: 8080, protocol: 'tcp' },
      holders: [
        {
          protocol: 'tcp',
          port: 8080,
          addresses: ['0.0.0.0'],
          state: 'listen',
          pid: 4242,
          command: 'docker-proxy',
          user: 'root',
          container: { ip: '172.17.0.2', port: 80, name: 'web' },
        },
      ],
    },
    { query: { port: 9, protocol: 'udp' }, holders: [] },
    {
      query: { port: 41000, protocol: 'tcp' },
      holders: [{ protocol: 'tcp', port: 41000, addresses: ['10.0.0.5'], state: 'time-wait' }],
    },
  ]);
  expect(table.split('\n')).toEqual([
    'PORT       PID   USER      STATE      ADDRESSES    COMMAND',
    '5432/tcp   812   postgres  listen     0.0.0.0, ::  postgres -D /data',
    '3000/tcp   -     uid 0     listen     127.0.0.1    (process hidden: needs root)',
    '8080/tcp   4242  root      listen     0.0.0.0      docker-proxy → container web (172.17.0.2:80)',
    '9/udp      -     -         -          -            nothing found (free, or not visible to this user)',
    '41000/tcp  -     -         time-wait  10.0.0.5     (no process: a closed connection lingering)',
  ]);
});

describe('parseWhoTargets', () => {
  test('PORT, PORT/tcp, PORT/udp, PORT/both; TCP by default; duplicates once', () => {
    expect(parseWhoTargets(['5432', '5353/udp', '53/both', '5432/TCP'])).toEqual([
      { port: 5432, protocol: 'tcp' },
      { port: 5353, protocol: 'udp' },
      { port: 53, protocol: 'tcp' },
      { port: 53, protocol: 'udp' },
    ]);
  });

  test('every bad target is named at once, as an input error of `who`', () => {
    let error: unknown;
    try {
      parseWhoTargets(['80', 'abc', '0', '70000/tcp', '5/sctp', '-1']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const { input, problems } = error as InputError;
    expect(input).toBe('who');
    expect(problems).toHaveLength(5);
    expect(problems[0]).toBe(
      'who: "abc" is not a port; write PORT[/tcp|udp|both] with PORT from 1 to 65535, e.g. 5432 or 5353/udp',
    );
    expect(problems.slice(1).map((p) => /"(.*?)"/.exec(p)?.[1])).toEqual([
      '0',
      '70000/tcp',
      '5/sctp',
      '-1',
    ]);
  });
});

test('formatWhoJson: port, protocol, holders and their one-line description', () => {
  const holder: Holder = {
    protocol: 'tcp',
    port: 80,
    addresses: ['0.0.0.0'],
    state: 'listen',
    pid: 1,
    command: 'nginx',
  };
  expect(
    JSON.parse(
      formatWhoJson([
        { query: { port: 80, protocol: 'tcp' }, holders: [holder] },
        { query: { port: 81, protocol: 'udp' }, holders: [] },
      ]),
    ),
  ).toEqual([
    {
      port: 80,
      protocol: 'tcp',
      holders: [holder],
      leases: [],
      description: 'pid 1 `nginx` on 0.0.0.0',
    },
    { port: 81, protocol: 'udp', holders: [], leases: [], description: 'unknown' },
  ]);
});
