/**
 * The built dist/: conflicts name their holder, and `port-guard who` answers, for holders in
 * other processes on this machine.
 */
import { holdPort, type HolderProcess } from '../support/holder-process.js';
import { runAction, runCli } from '../support/run-built.js';

let held: HolderProcess[] = [];
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
});

test('CLI: a conflict names the holding process', async () => {
  const h = await holdPort({ host: '127.0.0.1' });
  held.push(h);
  const r = await runCli(['--format', 'json', '--no-lease', `db=${h.port}`]);
  expect(r.code).toBe(1);
  const [conflict] = JSON.parse(r.stdout).conflicts;
  expect(conflict.holder).toMatchObject({ pid: h.pid, command: 'node' });
  expect(r.stderr).toContain(`held by pid ${h.pid} \`node -e`);
});

test('action: the ::error:: line and the conflicts output name the holder', async () => {
  const h = await holdPort({ host: '::' });
  held.push(h);
  const r = await runAction({ ports: `web=${h.port}`, 'on-conflict': 'fail' });
  expect(r.code).toBe(1);
  const error = r.stdout.split('\n').find((l) => l.startsWith('::error::'));
  expect(error).toContain(`held by pid ${h.pid} \`node -e`);
  expect(error).toMatch(/ on ::$/);
  expect(JSON.parse(r.outputs.conflicts)[0].holder).toMatchObject({ pid: h.pid, command: 'node' });
});

test('who: a table with the holder, exit 0; --format json; a bad port exits 2', async () => {
  const tcp = await holdPort({ host: '127.0.0.1' });
  const udp = await holdPort({ host: '127.0.0.1', protocol: 'udp' });
  held.push(tcp, udp);
  const text = await runCli(['who', String(tcp.port), `${udp.port}/udp`]);
  expect(text.code).toBe(0);
  const lines = text.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^PORT\s+PID\s+USER\s+STATE\s+ADDRESSES\s+COMMAND$/);
  expect(lines[1]).toMatch(
    new RegExp(`^${tcp.port}/tcp\\s+${tcp.pid}\\s+\\S+\\s+listen\\s+127\\.0\\.0\\.1\\s+node -e`),
  );
  expect(lines[2]).toMatch(
    new RegExp(`^${udp.port}/udp\\s+${udp.pid}\\s+\\S+\\s+bound\\s+127\\.0\\.0\\.1\\s+node -e`),
  );

  const json = await runCli(['who', '--format', 'json', String(tcp.port)]);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual([
    expect.objectContaining({
      port: tcp.port,
      protocol: 'tcp',
      holders: [expect.objectContaining({ pid: tcp.pid })],
    }),
  ]);

  const bad = await runCli(['who', 'http']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('who: "http" is not a port');
});
