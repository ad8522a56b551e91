// Records what this runner's own tools print, byte for byte, so the parser fixtures under
// __tests__/fixtures can be replaced by real recordings: `node record.mjs OUTDIR [KEY=VALUE...]`.
// The KEY=VALUE pairs (the held ports, the holders' pid) go to OUTDIR/context.json, so a fixture
// can say which rows are the workflow's own holders. Every tool runs by absolute path with fixed
// arguments, never through a shell; a tool that fails is recorded with its exit code, not fatal.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, ...pairs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const context = Object.fromEntries(pairs.map((p) => p.split(/=(.*)/s).slice(0, 2)));
const sys32 = join(process.env.SystemRoot ?? 'C:\\Windows', 'System32');
const first = (...paths) => paths.find((p) => existsSync(p)) ?? paths[0];

const commands =
  {
    linux: [
      ['ss-tulpn', first('/usr/bin/ss', '/bin/ss', '/usr/sbin/ss'), ['-tulpn']],
      ['ss-tuapn', first('/usr/bin/ss', '/bin/ss', '/usr/sbin/ss'), ['-tuapn']],
      [
        'lsof-tcp',
        first('/usr/bin/lsof', '/usr/sbin/lsof'),
        ['-nP', '-w', '+c', '0', '-iTCP', '-sTCP:LISTEN,CLOSED', '-FpcuLPtn'],
      ],
      [
        'lsof-udp',
        first('/usr/bin/lsof', '/usr/sbin/lsof'),
        ['-nP', '-w', '+c', '0', '-iUDP', '-FpcuLPtn'],
      ],
    ],
    darwin: [
      [
        'lsof-tcp',
        '/usr/sbin/lsof',
        ['-nP', '-w', '+c', '0', '-iTCP', '-sTCP:LISTEN,CLOSED', '-FpcuLPtn'],
      ],
      ['lsof-udp', '/usr/sbin/lsof', ['-nP', '-w', '+c', '0', '-iUDP', '-FpcuLPtn']],
      ['lsof-tcp-human', '/usr/sbin/lsof', ['-nP', '-w', '-iTCP', '-sTCP:LISTEN,CLOSED']],
      ['lsof-udp-human', '/usr/sbin/lsof', ['-nP', '-w', '-iUDP']],
      ['ps-axo', '/bin/ps', ['-axo', 'pid=,ppid=,uid=,lstart=,command=']],
      [
        'sysctl-portrange',
        '/usr/sbin/sysctl',
        [
          'net.inet.ip.portrange.first',
          'net.inet.ip.portrange.last',
          'net.inet.ip.portrange.hifirst',
          'net.inet.ip.portrange.hilast',
        ],
      ],
      ['sw_vers', '/usr/bin/sw_vers', []],
    ],
    win32: [
      ['netstat-anoq-tcp', join(sys32, 'netstat.exe'), ['-anoq', '-p', 'TCP']],
      ['netstat-anoq-tcpv6', join(sys32, 'netstat.exe'), ['-anoq', '-p', 'TCPv6']],
      ['netstat-anoq-udp', join(sys32, 'netstat.exe'), ['-anoq', '-p', 'UDP']],
      ['netstat-anoq-udpv6', join(sys32, 'netstat.exe'), ['-anoq', '-p', 'UDPv6']],
      ['netstat-ano', join(sys32, 'netstat.exe'), ['-ano']],
      ['tasklist-csv', join(sys32, 'tasklist.exe'), ['/FO', 'CSV', '/NH']],
      ...(context.pid
        ? [
            [
              'tasklist-holder',
              join(sys32, 'tasklist.exe'),
              ['/FI', `PID eq ${context.pid}`, '/FO', 'CSV', '/NH'],
            ],
          ]
        : []),
      [
        'tasklist-none',
        join(sys32, 'tasklist.exe'),
        ['/FI', 'PID eq 4294967295', '/FO', 'CSV', '/NH'],
      ],
      [
        'netsh-excluded-ipv4-tcp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp'],
      ],
      [
        'netsh-excluded-ipv4-udp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv4', 'show', 'excludedportrange', 'protocol=udp'],
      ],
      [
        'netsh-excluded-ipv6-tcp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv6', 'show', 'excludedportrange', 'protocol=tcp'],
      ],
      [
        'netsh-dynamicport-ipv4-tcp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv4', 'show', 'dynamicport', 'tcp'],
      ],
      [
        'netsh-dynamicport-ipv4-udp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv4', 'show', 'dynamicport', 'udp'],
      ],
      [
        'netsh-dynamicport-ipv6-tcp',
        join(sys32, 'netsh.exe'),
        ['int', 'ipv6', 'show', 'dynamicport', 'tcp'],
      ],
      ['chcp', join(sys32, 'chcp.com'), []],
      ['ipconfig-all', join(sys32, 'ipconfig.exe'), ['/all']],
    ],
  }[process.platform] ?? [];

const index = [];
for (const [name, file, args] of commands) {
  const r = await new Promise((resolve) =>
    execFile(
      file,
      args,
      { encoding: 'buffer', maxBuffer: 64 << 20, windowsHide: true },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
  writeFileSync(join(out, `${name}.txt`), r.stdout);
  if (r.stderr.length > 0) writeFileSync(join(out, `${name}.stderr.txt`), r.stderr);
  index.push({ name, file, args, exit: r.code, bytes: r.stdout.length });
  console.log(`${name}: ${file} ${args.join(' ')} → exit ${r.code}, ${r.stdout.length} bytes`);
}
if (process.platform === 'linux')
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6'])
    if (existsSync(`/proc/net/${table}`))
      copyFileSync(`/proc/net/${table}`, join(out, `proc-net-${table}.txt`));
writeFileSync(
  join(out, 'context.json'),
  JSON.stringify(
    {
      platform: process.platform,
      release: (await import('node:os')).release(),
      node: process.version,
      context,
      commands: index,
    },
    null,
    2,
  ),
);
