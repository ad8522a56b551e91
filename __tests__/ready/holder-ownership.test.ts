/**
 * Whose a port is, on recorded data from a Docker host (no Docker engine runs here): the
 * command `docker compose up` (pid 5188, started at tick 112334, run by the job's bash 5120),
 * dockerd 712 and its `docker-proxy` children — 5260 started after the command (tick 112581),
 * 3907 long before (tick 40211), and a stranger python3 5301 outside the command's tree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameContainers } from '../../src/holders/docker.js';
import { describeHolders } from '../../src/holders/describe-holder.js';
import { classifyHolder } from '../../src/ready/holder-ownership.js';
import { PortWatch, type ReadyDeps } from '../../src/ready/port-check.js';
import { isInTree, parseStatRow, tableOf, type ProcessRow } from '../../src/ready/process-tree.js';
import type { LoopbackAnswers } from '../../src/ready/loopback-connect.js';
import type { Holder } from '../../src/holders/lookup.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const rows = readFileSync(join(FIXTURES, 'ready', 'docker-host-stat.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => parseStatRow(line)!);
const table = tableOf(rows);
const dockerPs = readFileSync(join(FIXTURES, 'holders', 'docker-ps.txt'), 'utf8');
const COMMAND = { pid: 5188, start: 112334 };

/** A docker-proxy holder as the Linux lookup builds it from /proc, for host port 8080. */
const proxy = (pid: number): Holder => ({
  protocol: 'tcp',
  port: 8080,
  addresses: ['0.0.0.0'],
  state: 'listen',
  pid,
  command: 'docker-proxy',
  commandLine:
    'docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80',
  uid: 0,
  user: 'root',
  container: { ip: '172.17.0.2', port: 80 },
});

test('the recorded table parses: pids, parents and start ticks', () => {
  expect(rows.find((r) => r.pid === 5260)).toEqual<ProcessRow>({
    pid: 5260,
    ppid: 712,
    start: 112581,
  });
  expect(isInTree(5120, 5188, table)).toBe(true);
  expect(isInTree(5188, 5260, table)).toBe(false);
});

test.each([
  ['a docker-proxy started after the command is its', 5260, false, 'ours'],
  [
    'a docker-proxy older than the command, on a port never seen free, is a stranger',
    3907,
    false,
    'stranger',
  ],
  [
    'an older docker-proxy on a port seen free since the command started is its',
    3907,
    true,
    'ours',
  ],
] as const)('%s', (_title, pid, seenFreeSinceStart, expected) => {
  expect(classifyHolder(proxy(pid), { expected: COMMAND, table, seenFreeSinceStart })).toBe(
    expected,
  );
});

test('a process outside the tree is a stranger even on a port seen free', () => {
  const python: Holder = {
    protocol: 'tcp',
    port: 8080,
    addresses: ['0.0.0.0'],
    state: 'listen',
    pid: 5301,
    command: 'python3',
  };
  expect(classifyHolder(python, { expected: COMMAND, table, seenFreeSinceStart: true })).toBe(
    'stranger',
  );
});

test("a hidden root holder docker names is the command's only when bound after it started", async () => {
  const hidden: Holder = {
    protocol: 'tcp',
    port: 8080,
    addresses: ['0.0.0.0'],
    state: 'listen',
    uid: 0,
    hidden: true,
  };
  const [named] = await nameContainers([hidden], {
    run: async () => ({ code: 0, stdout: dockerPs }),
  });
  expect(named.container?.name).toBe('web');
  expect(classifyHolder(named, { expected: COMMAND, table, seenFreeSinceStart: true })).toBe(
    'ours',
  );
  expect(classifyHolder(named, { expected: COMMAND, table, seenFreeSinceStart: false })).toBe(
    'stranger',
  );
});

/** The checks over recorded answers: connects in order, the lookup returning `holders`. */
function recordedDeps(
  answers: LoopbackAnswers[],
  holders: Holder[],
): ReadyDeps & { lookups: number } {
  const deps = {
    lookups: 0,
    families: [4, 6] as const,
    connect: async () => answers.shift() ?? answers[answers.length - 1] ?? {},
    findHolders: async () => {
      deps.lookups++;
      return nameContainers(structuredClone(holders), {
        run: async () => ({ code: 0, stdout: dockerPs }),
      });
    },
    processTable: async () => table,
    httpGet: async () => ({ status: 200 }),
  };
  return deps;
}

test("the wait names the container and counts the proxy as the command's", async () => {
  const open: LoopbackAnswers = { 4: 'accepted', 6: 'accepted' };
  const deps = recordedDeps([open], [proxy(5260), { ...proxy(5260), addresses: ['::'] }]);
  const watch = new PortWatch(
    { name: 'web', port: 8080, protocol: 'tcp' },
    { deps, expected: COMMAND },
  );
  const look = await watch.look();
  expect(look.kind).toBe('ready');
  if (look.kind !== 'ready') return;
  expect(describeHolders(look.ready.holders)).toContain(
    'docker-proxy → container web (172.17.0.2:80)',
  );
});

test('an older proxy fails the wait as a stranger, unless the port was first seen free', async () => {
  const open: LoopbackAnswers = { 4: 'accepted', 6: 'accepted' };
  const closed: LoopbackAnswers = { 4: 'refused', 6: 'refused' };
  const target = { port: 8080, protocol: 'tcp' as const };

  const busy = new PortWatch(target, {
    deps: recordedDeps([open], [proxy(3907)]),
    expected: COMMAND,
  });
  const look = await busy.look();
  expect(look.kind).toBe('stranger');
  if (look.kind === 'stranger')
    expect(describeHolders(look.holders)).toContain('pid 3907 docker-proxy → container web');

  const deps = recordedDeps([closed, closed, open], [proxy(3907)]);
  const later = new PortWatch(target, { deps, expected: COMMAND });
  expect((await later.look()).kind).toBe('waiting');
  expect((await later.look()).kind).toBe('waiting');
  // Refused connects cost no holder lookup; the first accepted one does.
  expect(deps.lookups).toBe(0);
  expect((await later.look()).kind).toBe('ready');
  expect(deps.lookups).toBe(1);
});
