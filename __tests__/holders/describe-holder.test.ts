import { describeHolder, describeHolders } from '../../src/holders/describe-holder.js';
import {
  COMMAND_LINE_MAX,
  displayCommandLine,
  shorten,
  singleLine,
  splitProcCmdline,
} from '../../src/holders/command-line.js';
import type { Holder } from '../../src/holders/lookup.js';

const base: Holder = { protocol: 'tcp', port: 5432, addresses: ['0.0.0.0', '::'], state: 'listen' };

describe('describeHolder', () => {
  test('a visible process: pid, command line, user, addresses', () => {
    expect(
      describeHolder({
        ...base,
        pid: 812,
        command: 'postgres',
        commandLine: 'postgres -D /var/lib/postgresql',
        uid: 70,
        user: 'postgres',
      }),
    ).toBe('pid 812 `postgres -D /var/lib/postgresql` (user postgres) on 0.0.0.0, ::');
  });

  test('falls back to the command name, then the uid', () => {
    expect(describeHolder({ ...base, addresses: ['::1'], pid: 9, command: 'node.exe' })).toBe(
      'pid 9 `node.exe` on ::1',
    );
    expect(describeHolder({ ...base, addresses: [], pid: 9, uid: 1234 })).toBe('pid 9 (uid 1234)');
  });

  test('a hidden process: the uid and why, never a user name', () => {
    expect(
      describeHolder({ ...base, addresses: ['127.0.0.1'], uid: 0, user: 'root', hidden: true }),
    ).toBe('uid 0 (process hidden: needs root) on 127.0.0.1');
    expect(describeHolder({ ...base, uid: 65534, user: 'nobody', hidden: true })).not.toMatch(
      /nobody/,
    );
  });

  test('docker-proxy: the container, by name when known', () => {
    const proxy: Holder = {
      ...base,
      addresses: ['0.0.0.0'],
      pid: 4242,
      command: 'docker-proxy',
      user: 'root',
      container: { ip: '172.17.0.2', port: 80 },
    };
    expect(describeHolder({ ...proxy, container: { ...proxy.container, name: 'web' } })).toBe(
      'pid 4242 docker-proxy → container web (172.17.0.2:80) (user root) on 0.0.0.0',
    );
    expect(describeHolder(proxy)).toBe(
      'pid 4242 docker-proxy → container 172.17.0.2:80 (user root) on 0.0.0.0',
    );
    expect(describeHolder({ ...proxy, container: { ip: 'fd00::2', port: 80 } })).toContain(
      'container [fd00::2]:80',
    );
    expect(describeHolder({ ...proxy, container: {} })).toContain('docker-proxy → a container');
  });

  test('sockets without a process: TIME_WAIT, a kernel socket; other states are named', () => {
    expect(describeHolder({ ...base, addresses: ['10.1.2.3'], state: 'time-wait' })).toBe(
      'no process (time-wait: a closed connection lingering) on 10.1.2.3',
    );
    expect(describeHolder({ ...base, addresses: ['0.0.0.0'], uid: 0, user: 'root' })).toBe(
      'uid 0 (no process found: a kernel socket, or a process in another container) on 0.0.0.0',
    );
    expect(
      describeHolder({
        ...base,
        addresses: ['127.0.0.1'],
        state: 'established',
        pid: 5,
        command: 'curl',
      }),
    ).toBe('pid 5 `curl` on 127.0.0.1 (established)');
    expect(describeHolder({ ...base, addresses: [], state: '' })).toBe('unknown');
  });

  test('never a newline or control character, whatever the process called itself', () => {
    const text = describeHolder({
      ...base,
      pid: 1,
      command: 'evil\nname',
      commandLine: 'x\r\n::error::y\u0007\u2028z',
      user: 'a\tb',
    });
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).toBe('pid 1 `x ::error::y z` (user a b) on 0.0.0.0, ::');
  });
});

test('describeHolders: all of them, or unknown', () => {
  expect(describeHolders([])).toBe('unknown');
  expect(
    describeHolders([
      { ...base, pid: 1, command: 'a' },
      { ...base, uid: 0, hidden: true },
    ]),
  ).toBe('pid 1 `a` on 0.0.0.0, ::; uid 0 (process hidden: needs root) on 0.0.0.0, ::');
});

describe('command lines', () => {
  test('NUL separators become spaces, trailing NUL padding goes, the program directory goes', () => {
    const argv = splitProcCmdline(
      Buffer.from('/usr/lib/postgresql/16/bin/postgres\0-D\0/var/lib/postgresql\0'),
    );
    expect(argv).toEqual(['/usr/lib/postgresql/16/bin/postgres', '-D', '/var/lib/postgresql']);
    expect(displayCommandLine(argv)).toBe('postgres -D /var/lib/postgresql');
    expect(
      displayCommandLine(splitProcCmdline('nginx: master process /usr/sbin/nginx\0\0\0\0')),
    ).toBe('nginx: master process /usr/sbin/nginx');
    expect(displayCommandLine([])).toBeUndefined();
    expect(displayCommandLine(['\n'])).toBeUndefined();
  });

  test(`shortened to ${COMMAND_LINE_MAX} characters with an ellipsis, never splitting a character`, () => {
    const long = displayCommandLine(['node', 'x'.repeat(300)]) ?? '';
    expect(Array.from(long)).toHaveLength(COMMAND_LINE_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(shorten('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(shorten('short', 5)).toBe('short');
    expect(singleLine('  a\n\tb \u0085 ')).toBe('a b');
  });
});
