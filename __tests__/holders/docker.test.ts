/**
 * docker-proxy holders: the container target from the proxy's command line, its name from
 * `docker ps` when docker answers. This machine has a docker client but no daemon; a small
 * stand-in `docker` executable plays a daemon's answers where one is needed.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  DOCKER_PS_ARGS,
  dockerProxyTarget,
  isDockerProxy,
  nameContainers,
  parseDockerPs,
  publishes,
} from '../../src/holders/docker.js';
import { describeHolder } from '../../src/holders/describe-holder.js';
import { findHoldersOn } from '../../src/holders/index.js';
import type { ToolRunner } from '../../src/system/run-tool.js';
import type { Holder } from '../../src/holders/lookup.js';
import {
  me,
  osPickedPort,
  startHolder,
  testAsRoot,
  type HolderProcess,
} from '../support/holder-process.js';
import { transpileHolders } from '../support/transpiled-holders.js';
import { describeNeeds, testNeeds } from '../support/needs.js';

const run = promisify(execFile);
const onLinux = testNeeds('linux');

const PS_OUTPUT = readFileSync(
  new URL('../fixtures/holders/docker-ps.txt', import.meta.url),
  'utf8',
);
let dir: string;
const started: HolderProcess[] = [];

/** Writes an executable stand-in for `docker` that runs `body` (Node) and returns its path. */
function fakeDocker(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'port-guard-docker-'));
  writeFileSync(join(dir, 'ps.txt'), PS_OUTPUT);
  // Through a symlink named docker-proxy, node runs with comm and argv[0] "docker-proxy".
  symlinkSync(process.execPath, join(dir, 'docker-proxy'));
  writeFileSync(
    join(dir, 'proxy.cjs'),
    'const a=process.argv;const arg=(n)=>a[a.indexOf(n)+1];const p=Number(arg("-host-port"));' +
      "require('net').createServer().listen(p,arg('-host-ip'),()=>console.log(p));",
  );
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const proxyHolder = (
  port: number,
  protocol: 'tcp' | 'udp',
  container: Holder['container'],
): Holder => ({
  protocol,
  port,
  addresses: ['0.0.0.0'],
  state: protocol === 'tcp' ? 'listen' : 'bound',
  pid: 4242,
  command: 'docker-proxy',
  container,
});

describe('the docker-proxy command line', () => {
  const argv = [
    '/usr/bin/docker-proxy',
    '-proto',
    'tcp',
    '-host-ip',
    '0.0.0.0',
    '-host-port',
    '8080',
    '-container-ip',
    '172.17.0.2',
    '-container-port',
    '80',
  ];

  test('is recognized by comm or argv[0]', () => {
    expect(isDockerProxy('docker-proxy', [])).toBe(true);
    expect(isDockerProxy('node', argv)).toBe(true);
    expect(isDockerProxy('node', ['/usr/bin/node', 'docker-proxy'])).toBe(false);
    expect(isDockerProxy(undefined, [])).toBe(false);
  });

  test('gives the container address and port in every Go flag spelling', () => {
    expect(dockerProxyTarget(argv)).toEqual({ ip: '172.17.0.2', port: 80 });
    expect(
      dockerProxyTarget(['docker-proxy', '--container-ip=fd00::2', '--container-port', '443']),
    ).toEqual({ ip: 'fd00::2', port: 443 });
    expect(dockerProxyTarget(['docker-proxy', '-container-port=53'])).toEqual({ port: 53 });
    expect(dockerProxyTarget(['docker-proxy', '-container-port', 'x'])).toBeUndefined();
    expect(dockerProxyTarget(['docker-proxy', '-proto', 'tcp'])).toBeUndefined();
  });
});

describe('docker ps', () => {
  test('rows: id, the container’s own name (not a link alias), ports', () => {
    const rows = parseDockerPs(PS_OUTPUT);
    expect(rows.map((r) => r.name)).toEqual(['web', 'db', 'dns', 'ranged', 'quiet']);
    expect(rows[0].ports).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(parseDockerPs('Cannot connect to the Docker daemon\n')).toEqual([]);
  });

  test('publishes: host port, protocol, container port, ranges, both IPv6 spellings', () => {
    const [web, , dns, ranged, quiet] = parseDockerPs(PS_OUTPUT);
    expect(publishes(web.ports, 8080, 'tcp', 80)).toBe(true);
    expect(publishes(web.ports, 8080, 'tcp')).toBe(true);
    expect(publishes(web.ports, 8080, 'tcp', 81)).toBe(false);
    expect(publishes(web.ports, 8080, 'udp')).toBe(false);
    expect(publishes(web.ports, 80, 'tcp')).toBe(false);
    expect(publishes(dns.ports, 5353, 'udp', 53)).toBe(true);
    expect(publishes(ranged.ports, 9001, 'tcp', 7001)).toBe(true);
    expect(publishes(ranged.ports, 9001, 'tcp', 7000)).toBe(false);
    expect(publishes(quiet.ports, 80, 'tcp')).toBe(false);
  });

  test('the arguments are fixed', () => {
    expect(DOCKER_PS_ARGS).toEqual([
      'ps',
      '--no-trunc',
      '--format',
      '{{.ID}}\t{{.Names}}\t{{.Ports}}',
    ]);
  });
});

// Its stand-in dockers are `#!` scripts, which Windows cannot run as programs.
describeNeeds('shebang')('nameContainers', () => {
  test('names the container when docker answers, and asks docker exactly the fixed arguments', async () => {
    const docker = fakeDocker(
      'docker-ok',
      `const args = process.argv.slice(2);
       if (JSON.stringify(args) !== ${JSON.stringify(JSON.stringify(DOCKER_PS_ARGS))}) { console.error('bad args', args); process.exit(2); }
       process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'ps.txt'))}, 'utf8'));`,
    );
    const holders = [
      proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 }),
      proxyHolder(5353, 'udp', { ip: '172.17.0.3', port: 53 }),
      proxyHolder(7777, 'tcp', { ip: '172.17.0.9', port: 80 }),
    ];
    await nameContainers(holders, { docker });
    expect(holders.map((h) => h.container?.name)).toEqual(['web', 'dns', undefined]);
  });

  test.each([
    ['a docker whose daemon is down (the real client here, found on PATH)', undefined],
    ['a docker that is not installed', '/nonexistent/docker'],
  ])('%s: holders stay unnamed, no error', async (_what, docker) => {
    const holders = [proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 })];
    await expect(nameContainers(holders, docker ? { docker } : {})).resolves.toEqual([
      proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 }),
    ]);
  });

  test('docker is run by absolute path from PATH, never from the current directory or a relative entry', async () => {
    // A `docker` in the working directory (the checked-out workspace) answers with a name.
    const planted = fakeDocker(
      'docker',
      `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'ps.txt'))}, 'utf8'));`,
    );
    const workspace = dirname(planted);
    const ran: string[] = [];
    const run: ToolRunner = async (command) => {
      ran.push(command);
      return { code: 1, stdout: '' };
    };
    const cwd = process.cwd();
    process.chdir(workspace);
    try {
      for (const PATH of ['.', '', workspace, `bin:${workspace}`]) {
        const holders = [proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 })];
        await nameContainers(holders, { env: { PATH }, run });
        expect(holders[0].container?.name).toBeUndefined();
      }
      expect(ran).toEqual([]);
      // The same file through an absolute PATH entry that is not the cwd is found, absolute.
      process.chdir(cwd);
      await nameContainers([proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 })], {
        env: { PATH: `.:${workspace}` },
        run,
      });
      expect(ran).toEqual([planted]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a docker that refuses or hangs: unnamed, no error', async () => {
    const refusing = fakeDocker(
      'docker-refuses',
      "console.error('permission denied'); process.exit(1);",
    );
    const hanging = fakeDocker('docker-hangs', 'setInterval(() => {}, 1000);');
    for (const docker of [refusing, hanging]) {
      const holders = [proxyHolder(8080, 'tcp', { ip: '172.17.0.2', port: 80 })];
      await nameContainers(holders, { docker, timeoutMs: 300 });
      expect(holders[0].container).toEqual({ ip: '172.17.0.2', port: 80 });
    }
  });

  test('a process hidden from this user: named when docker publishes that port on that address', async () => {
    const docker = fakeDocker(
      'docker-ok-2',
      `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'ps.txt'))}, 'utf8'));`,
    );
    const hidden = (port: number, addresses: string[]): Holder => ({
      protocol: 'tcp',
      port,
      addresses,
      state: 'listen',
      uid: 0,
      hidden: true,
    });
    const holders = [
      hidden(8080, ['0.0.0.0', '::']),
      hidden(5432, ['127.0.0.1']),
      // Docker publishes 5432 on 127.0.0.1 only: a hidden root process on 0.0.0.0 is not it.
      hidden(5432, ['0.0.0.0']),
      {
        protocol: 'tcp' as const,
        port: 8080,
        addresses: ['::'],
        state: 'listen',
        pid: 4250,
        command: 'com.docker.backend',
      },
      {
        protocol: 'tcp' as const,
        port: 8080,
        addresses: ['::'],
        state: 'listen',
        pid: 4251,
        command: 'node',
      },
    ];
    await nameContainers(holders, { docker });
    expect(holders.map((h) => h.container)).toEqual([
      { name: 'web', port: 80 },
      { name: 'db', port: 5432 },
      undefined,
      { name: 'web', port: 80 },
      undefined,
    ]);
    expect(describeHolder(holders[0])).toBe(
      'uid 0 (process hidden: needs root) on 0.0.0.0, :: — published by docker for container web (port 80)',
    );
    expect(describeHolder(holders[3])).toBe(
      'pid 4250 com.docker.backend → container web (port 80) on ::',
    );
  });

  test('docker is not asked when no holder could be docker’s', async () => {
    const marker = join(dir, 'asked');
    const docker = fakeDocker(
      'docker-marks',
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes');`,
    );
    await nameContainers([{ protocol: 'tcp', port: 1, addresses: [], state: 'listen', pid: 1 }], {
      docker,
    });
    expect(() => readFileSync(marker)).toThrow();
  });
});

onLinux(
  'end to end on this machine: a fake docker-proxy process, named through docker, described',
  async () => {
    const proxy = join(dir, 'docker-proxy');
    const script = join(dir, 'proxy.cjs');
    const port = await osPickedPort();
    const holder = await startHolder(proxy, [
      script,
      '-proto',
      'tcp',
      '-host-ip',
      '0.0.0.0',
      '-host-port',
      String(port),
      '-container-ip',
      '172.17.0.2',
      '-container-port',
      '80',
    ]);
    started.push(holder);
    writeFileSync(join(dir, 'ps-live.txt'), `abc123\tweb\t0.0.0.0:${port}->80/tcp\n`);
    const docker = fakeDocker(
      'docker-live',
      `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'ps-live.txt'))}, 'utf8'));`,
    );

    const holders = await findHoldersOn('linux', [{ port, protocol: 'tcp' }], {
      docker: { docker },
    });
    expect(holders).toEqual([
      expect.objectContaining({
        pid: holder.pid,
        command: 'docker-proxy',
        container: { ip: '172.17.0.2', port: 80, name: 'web' },
      }),
    ]);
    expect(describeHolder(holders[0])).toBe(
      `pid ${holder.pid} docker-proxy → container web (172.17.0.2:80) (user ${me.user}) on 0.0.0.0`,
    );
  },
);

testAsRoot(
  'the GitHub runner case: root’s docker-proxy hidden from an unprivileged lookup, named through docker',
  async () => {
    chmodSync(dir, 0o755);
    const lib = transpileHolders();
    try {
      const port = await osPickedPort();
      const holder = await startHolder(join(dir, 'docker-proxy'), [
        join(dir, 'proxy.cjs'),
        '-proto',
        'tcp',
        '-host-ip',
        '0.0.0.0',
        '-host-port',
        String(port),
        '-container-ip',
        '172.18.0.3',
        '-container-port',
        '5432',
      ]);
      started.push(holder);
      writeFileSync(
        join(dir, 'ps-runner.txt'),
        `def456\tpostgres-service\t0.0.0.0:${port}->5432/tcp\n`,
      );
      const docker = fakeDocker(
        'docker-runner',
        `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'ps-runner.txt'))}, 'utf8'));`,
      );
      const script = join(lib, 'who.mjs');
      writeFileSync(
        script,
        "import { findHoldersOn } from './holders/index.js';\n" +
          `const holders = await findHoldersOn('linux', [{ port: ${port}, protocol: 'tcp' }], { docker: { docker: ${JSON.stringify(docker)} } });\n` +
          'console.log(JSON.stringify(holders));\n',
      );
      const { stdout } = await run('setpriv', [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        script,
      ]);
      expect(JSON.parse(stdout)).toEqual([
        {
          protocol: 'tcp',
          port,
          addresses: ['0.0.0.0'],
          state: 'listen',
          uid: 0,
          user: 'root',
          hidden: true,
          container: { name: 'postgres-service', port: 5432 },
        },
      ]);
    } finally {
      rmSync(lib, { recursive: true, force: true });
    }
  },
);
