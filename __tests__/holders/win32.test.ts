/**
 * The Windows path on recorded-style `netstat -ano`/`-anoq -p <proto>` and `tasklist` outputs in
 * English, German, French and Japanese (stored in their console code pages), plus the tools'
 * absence. Only rows these tools print: a UDP row's remote is always `*:*`, `BOUND` appears
 * only with `-q`.
 */
import { readFileSync } from 'node:fs';
import {
  findHoldersWindows,
  holdersFromNetstat,
  netstatArgs,
  parseCsvLine,
  parseNetstat,
  parseTasklist,
  splitEndpoint,
  tasklistArgs,
} from '../../src/holders/win32.js';
import { runTool, type ToolRunner } from '../../src/system/run-tool.js';

// Read as the lookup decodes a console: byte for byte.
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/holders/win32/${name}`, import.meta.url), 'latin1');

const NETSTATS = [
  'netstat-ano-win10-en-US.txt',
  'netstat-ano-win11-de-DE.cp850.txt',
  'netstat-ano-win10-fr-FR.cp850.txt',
  'netstat-ano-win11-ja-JP.cp932.txt',
];

describe.each(NETSTATS)('parseNetstat on %s', (name) => {
  const rows = parseNetstat(fixture(name));

  test('every socket row, none of the header lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.every((r) => Number.isInteger(r.pid) && r.localPort > 0)).toBe(true);
  });

  test('listeners are found by shape, whatever the state word says', () => {
    const listeners = rows
      .filter((r) => r.state === 'listen')
      .map((r) => `${r.localAddress} ${r.localPort}/${r.pid}`);
    expect(listeners).toEqual([
      '0.0.0.0 80/4',
      '0.0.0.0 135/1052',
      '0.0.0.0 3000/4242',
      '0.0.0.0 5432/6120',
      ':: 80/4',
      ':: 3000/4242',
      ':: 5432/6120',
      '::1 8080/5150',
    ]);
  });

  test('UDP rows without a state column; a scoped IPv6 address', () => {
    const udp = rows.filter((r) => r.protocol === 'udp');
    expect(udp.map((r) => [r.localAddress, r.localPort, r.state, r.pid])).toEqual([
      ['0.0.0.0', 5353, 'bound', 2340],
      ['127.0.0.1', 5353, 'bound', 2341],
      ['::', 5353, 'bound', 2340],
      ['fe80::1c2d:3e4f:5a6b:7c8d%12', 1900, 'bound', 3340],
    ]);
  });

  test('holders: one per process with all its addresses; connections only when nothing listens', () => {
    const holders = holdersFromNetstat(rows, [
      { port: 3000, protocol: 'tcp' },
      { port: 5353, protocol: 'udp' },
      { port: 50123, protocol: 'tcp' },
      { port: 52114, protocol: 'tcp' },
      { port: 9999, protocol: 'tcp' },
    ]);
    expect(holders.map((h) => [h.protocol, h.port, h.pid, h.addresses])).toEqual([
      ['tcp', 3000, 4242, ['0.0.0.0', '::']],
      ['udp', 5353, 2340, ['0.0.0.0', '::']],
      ['udp', 5353, 2341, ['127.0.0.1']],
      // TIME_WAIT belongs to pid 0: no process.
      ['tcp', 50123, undefined, ['192.168.1.20']],
      ['tcp', 52114, 7788, ['127.0.0.1']],
    ]);
  });
});

test('English state words are named; localized ones are kept lower-cased', () => {
  const en = parseNetstat(fixture('netstat-ano-win10-en-US.txt'));
  expect(en.find((r) => r.localPort === 50123)?.state).toBe('time-wait');
  expect(en.find((r) => r.localPort === 52114)?.state).toBe('established');
  // BOUND appears only with -q.
  expect(en.some((r) => r.state === 'bound' && r.protocol === 'tcp')).toBe(false);
  const q = parseNetstat(fixture('netstat-anoq-p-TCP-win11-en-US.txt'));
  expect(q.find((r) => r.localPort === 6000)?.state).toBe('bound');
  const de = parseNetstat(fixture('netstat-ano-win11-de-DE.cp850.txt'));
  expect(de.find((r) => r.localPort === 50123)?.state).toBe('wartend');
});

test('the output of another netstat (Linux net-tools) yields no rows rather than wrong ones', () => {
  const linux =
    'Active Internet connections (servers and established)\n' +
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       Timer\n' +
    'tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      off (0.00/0/0)\n';
  expect(parseNetstat(linux)).toEqual([]);
});

test('splitEndpoint', () => {
  expect(splitEndpoint('0.0.0.0:80')).toEqual({ address: '0.0.0.0', port: 80 });
  expect(splitEndpoint('[::]:80')).toEqual({ address: '::', port: 80 });
  expect(splitEndpoint('[fe80::1%12]:1900')).toEqual({ address: 'fe80::1%12', port: 1900 });
  expect(splitEndpoint('*:*')).toBeUndefined();
});

describe('tasklist', () => {
  test('CSV with quotes, escaped quotes and localized numbers', () => {
    expect(parseCsvLine('"node.exe","4242","Console","1","45,120 K"')).toEqual([
      'node.exe',
      '4242',
      'Console',
      '1',
      '45,120 K',
    ]);
    expect(parseCsvLine('"a ""b""",c,,"d"')).toEqual(['a "b"', 'c', '', 'd']);
    expect(parseTasklist(fixture('tasklist-node.txt'), 4242)).toBe('node.exe');
    expect(parseTasklist(fixture('tasklist-system.txt'), 4)).toBe('System');
    expect(parseTasklist(fixture('tasklist-postgres-de-DE.cp850.txt'), 6120)).toBe('postgres.exe');
  });

  test('the localized "no tasks" notice and a pid mismatch give nothing', () => {
    expect(parseTasklist(fixture('tasklist-none-en-US.txt'), 4242)).toBeUndefined();
    expect(parseTasklist(fixture('tasklist-none-de-DE.cp850.txt'), 4242)).toBeUndefined();
    expect(parseTasklist(fixture('tasklist-node.txt'), 4243)).toBeUndefined();
  });

  test('arguments are a fixed array with the pid as one argument', () => {
    expect(tasklistArgs(4242)).toEqual(['/FI', 'PID eq 4242', '/FO', 'CSV', '/NH']);
  });
});

describe('findHoldersWindows', () => {
  /**
   * What `netstat -anoq -p <proto>` prints: the per-protocol recording when there is one,
   * otherwise the rows of that protocol and IP version from a full `-ano` recording (`-p` only
   * filters; headers stay).
   */
  const netstatFor = (recording: string, proto: string): string => {
    try {
      return fixture(`netstat-anoq-p-${proto}-${recording}.txt`);
    } catch {
      const v6 = proto.endsWith('v6');
      const word = proto.replace(/v6$/, '');
      return fixture(`netstat-ano-${recording}`)
        .split('\r\n')
        .filter((line) => {
          const [first, local] = line.trim().split(/\s+/);
          if (first !== 'TCP' && first !== 'UDP') return true;
          return first === word && (local ?? '').startsWith('[') === v6;
        })
        .join('\r\n');
    }
  };
  // netstat and tasklist cannot run here: a runner plays their recorded outputs.
  const recorded =
    (netstat: string, tasks: Record<number, string>, calls: string[][] = []): ToolRunner =>
    async (command, args) => {
      calls.push([command, ...args]);
      if (command === 'C:\\Windows\\System32\\netstat.exe') {
        expect(args.slice(0, 2)).toEqual(['-anoq', '-p']);
        return { code: 0, stdout: netstatFor(netstat, args[2]) };
      }
      if (command === 'C:\\Windows\\System32\\tasklist.exe') {
        const pid = Number(/PID eq (\d+)/.exec(args[1])?.[1]);
        return {
          code: 0,
          stdout: tasks[pid] ? fixture(tasks[pid]) : fixture('tasklist-none-de-DE.cp850.txt'),
        };
      }
      return { code: null, stdout: '', failure: 'ENOENT' };
    };

  test('netstat -anoq per protocol and IP version asked about, by absolute path', async () => {
    expect(netstatArgs('TCPv6')).toEqual(['-anoq', '-p', 'TCPv6']);
    const calls: string[][] = [];
    await findHoldersWindows([{ port: 1, protocol: 'tcp' }], recorded('win11-en-US', {}, calls));
    expect(calls.sort()).toEqual([
      ['C:\\Windows\\System32\\netstat.exe', '-anoq', '-p', 'TCP'],
      ['C:\\Windows\\System32\\netstat.exe', '-anoq', '-p', 'TCPv6'],
    ]);
  });

  test('bound, non-listening TCP sockets (-q) are holders; every UDP row is bound', async () => {
    const holders = await findHoldersWindows(
      [
        { port: 6000, protocol: 'tcp' },
        { port: 6001, protocol: 'tcp' },
        { port: 5353, protocol: 'udp' },
        { port: 1900, protocol: 'udp' },
      ],
      recorded('win11-en-US', {}),
    );
    expect(holders.map((h) => [h.protocol, h.port, h.state, h.pid, h.addresses])).toEqual([
      ['tcp', 6000, 'bound', 9001, ['0.0.0.0']],
      ['tcp', 6001, 'bound', 9001, ['::']],
      ['udp', 5353, 'bound', 2340, ['0.0.0.0', '::']],
      ['udp', 5353, 'bound', 2341, ['127.0.0.1']],
      ['udp', 1900, 'bound', 3340, ['fe80::1c2d:3e4f:5a6b:7c8d%12']],
    ]);
  });

  test('pid, image name and addresses (German Windows)', async () => {
    const run = recorded('win11-de-DE.cp850.txt', {
      4: 'tasklist-system.txt',
      6120: 'tasklist-postgres-de-DE.cp850.txt',
    });
    const holders = await findHoldersWindows(
      [
        { port: 80, protocol: 'tcp' },
        { port: 5432, protocol: 'tcp' },
        { port: 8080, protocol: 'tcp' },
      ],
      run,
    );
    expect(holders).toEqual([
      {
        protocol: 'tcp',
        port: 80,
        addresses: ['0.0.0.0', '::'],
        state: 'listen',
        pid: 4,
        command: 'System',
      },
      {
        protocol: 'tcp',
        port: 5432,
        addresses: ['0.0.0.0', '::'],
        state: 'listen',
        pid: 6120,
        command: 'postgres.exe',
      },
      // tasklist did not know the pid: the holder keeps what netstat said.
      { protocol: 'tcp', port: 8080, addresses: ['::1'], state: 'listen', pid: 5150 },
    ]);
  });

  test('netstat missing (really missing: a path that does not exist): no holders, no error', async () => {
    const missing: ToolRunner = (command, args, options) =>
      runTool(`/nonexistent/${command}`, args, options);
    await expect(findHoldersWindows([{ port: 80, protocol: 'tcp' }], missing)).resolves.toEqual([]);
  });

  test("this Linux machine's own netstat is not mistaken for Windows'", async () => {
    await expect(findHoldersWindows([{ port: 2024, protocol: 'tcp' }])).resolves.toEqual([]);
  });
});
