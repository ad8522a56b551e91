/**
 * The readiness engine against real servers in other processes: each test can fail on a wait
 * that answers "something is there" instead of "my server listens on my port".
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { holdPort, osPickedPort, spawnServer } from '../support/holder-process.js';
import { InputErrors } from '../../src/spec/input-error.js';
import { NotReadyError, waitForPorts } from '../../src/ready/wait-for-ports.js';
import { parseWaitRequest, runWait } from '../../src/ready/wait-request.js';
import { watchChild } from '../../src/ready/watched-process.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function server(behaviour: Parameters<typeof spawnServer>[0]) {
  const s = spawnServer(behaviour);
  stops.push(() => s.stop());
  return s;
}

const names = { ports: 'PORT', timeout: '--timeout', pid: '--pid', http: '--http' };

test('a server that listens after a delay is ready once it listens, not before', async () => {
  const port = await osPickedPort();
  const s = server({ port, hosts: ['127.0.0.1', '::1'], delayMs: 700 });
  const began = Date.now();
  const result = await waitForPorts(port, { timeout: 30, pid: s.pid });
  expect(s.output()).toContain('listening');
  expect(Date.now() - began).toBeGreaterThanOrEqual(600);
  expect(result.ports[0]).toMatchObject({ port, protocol: 'tcp', accepts: ['127.0.0.1', '::1'] });
  expect(result.ports[0].holders.map((h) => h.pid)).toEqual([s.pid]);
  expect(result.warnings).toEqual([]);
});

test.each([
  ['::1', '127.0.0.1'],
  ['127.0.0.1', '::1'],
])('a server on %s only is ready, with a warning about %s', async (host, other) => {
  const port = await osPickedPort();
  const s = server({ port, hosts: [host] });
  const result = await waitForPorts([`web=${port}`], { timeout: 30, pid: s.pid });
  expect(result.ports[0].accepts).toEqual([host]);
  expect(result.ports[0].warning).toBe(result.warnings[0]);
  expect(result.warnings).toEqual([
    expect.stringMatching(
      new RegExp(
        `^web: port ${port}/tcp listens on ${host.replace(/\./g, '\\.')} only: clients that dial ${other.replace(/\./g, '\\.')}`,
      ),
    ),
  ]);
});

test('a server that crashes before listening fails the wait at once, with its exit code', async () => {
  const port = await osPickedPort();
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 300)'], {
    stdio: 'ignore',
  });
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const request = await parseWaitRequest({ ports: [port], timeout: 60 }, names);
  const began = Date.now();
  const report = await runWait(request, { process: watchChild(child), role: 'the server' });
  expect(Date.now() - began).toBeLessThan(10_000);
  expect(report.outcome).toMatchObject({ ok: false, reason: 'exited', exit: { code: 3 } });
  expect(report.errors[0]).toBe(
    `the server (pid ${child.pid}) exited with code 3 before every port was ready`,
  );
  expect(report.errors[1]).toBe(`port ${port}/tcp is not ready: nothing listens on it`);
});

test('a stranger on the port while the expected process sleeps fails at once, naming it', async () => {
  const stranger = await holdPort({ host: '127.0.0.1' });
  stops.push(() => stranger.stop());
  const sleeper = server({ port: stranger.port, delayMs: 600_000 });
  const began = Date.now();
  const error = await waitForPorts(stranger.port, { timeout: 60, pid: sleeper.pid }).catch(
    (e: unknown) => e,
  );
  expect(Date.now() - began).toBeLessThan(10_000);
  expect(error).toBeInstanceOf(NotReadyError);
  expect((error as NotReadyError).reason).toBe('stranger');
  expect((error as Error).message).toContain(
    `port ${stranger.port}/tcp is held by pid ${stranger.pid} `,
  );
  expect((error as Error).message).toContain(
    `which is not pid ${sleeper.pid} or one of its descendants`,
  );
});

test('without a pid, whoever listens makes the port ready', async () => {
  const holder = await holdPort({ host: '127.0.0.1' });
  stops.push(() => holder.stop());
  const result = await waitForPorts(holder.port, { timeout: 5 });
  // The connect answered: no process-table walk was needed to say so.
  expect(result.ports[0]).toMatchObject({ accepts: ['127.0.0.1'], holders: [] });
});

test('a descendant of the expected process counts as it (a shell that runs the server)', async () => {
  const port = await osPickedPort();
  const script = `const s=require('net').createServer();s.listen(${port},'127.0.0.1');setInterval(()=>{},1e9);`;
  const shell = spawn('/bin/sh', ['-c', `"${process.execPath}" -e "${script}"; :`], {
    stdio: 'ignore',
  });
  stops.push(async () => {
    shell.kill('SIGKILL');
  });
  const request = await parseWaitRequest({ ports: [port], timeout: 30 }, names);
  const report = await runWait(request, { process: watchChild(shell) });
  expect(report.outcome.ok).toBe(true);
  const holderPid = report.outcome.ready[0].holders[0].pid!;
  expect(holderPid).not.toBe(shell.pid);
  process.kill(holderPid, 'SIGKILL');
});

test('a UDP server is ready once its socket is bound', async () => {
  const port = await osPickedPort();
  const s = server({ protocol: 'udp', port, delayMs: 300 });
  const result = await waitForPorts(`dns=${port}/udp`, { timeout: 30, pid: s.pid });
  expect(result.ports[0]).toMatchObject({ name: 'dns', port, protocol: 'udp' });
  expect(result.ports[0].holders[0].pid).toBe(s.pid);
});

test('with http, a server answering 503 is not ready until it answers 200', async () => {
  const port = await osPickedPort();
  const s = server({ port, http: [503, 503, 503, 200] });
  const result = await waitForPorts(port, { timeout: 30, pid: s.pid, http: '/health' });
  expect(result.ports[0].httpStatus).toBe(200);
});

test('with http, a server that keeps answering 503 times out saying so', async () => {
  const port = await osPickedPort();
  server({ port, http: [503] });
  const error = await waitForPorts(port, { timeout: 2, http: '/health' }).catch((e: unknown) => e);
  expect((error as NotReadyError).reason).toBe('timeout');
  expect((error as Error).message).toBe(
    `not ready after 2 s\nport ${port}/tcp is not ready: it listens, but GET answered 503 (2xx or 3xx needed)`,
  );
});

test('bad options are input errors naming the option, before anything is waited for', async () => {
  const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(dead, 'exit');
  const error = await waitForPorts([3000], { timeout: -1, pid: dead.pid!, http: 'health' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputErrors);
  expect((error as InputErrors).errors.map((e) => e.input)).toEqual(['timeout', 'http', 'pid']);
  for (const timeout of ['1e9', 'soon', '99999'])
    await expect(parseWaitRequest({ ports: [3000], timeout }, names)).rejects.toThrow(/--timeout/);
  await expect(parseWaitRequest({ ports: ['5353/udp'], http: '/x' }, names)).rejects.toThrow(
    '--http: needs a TCP port',
  );
  await expect(parseWaitRequest({ ports: ['api=auto'] }, names)).rejects.toThrow(
    /PORT: "api=auto"/,
  );
  const both = await parseWaitRequest({ ports: ['3000', '3000/udp', 'quic=8443/both'] }, names);
  expect(both.targets).toEqual([
    { port: 3000, protocol: 'tcp' },
    { port: 3000, protocol: 'udp' },
    { name: 'quic', port: 8443, protocol: 'tcp' },
    { name: 'quic', port: 8443, protocol: 'udp' },
  ]);
});

test('an aborted wait rejects with the signal reason', async () => {
  const port = await osPickedPort();
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('stop waiting')), 200);
  await expect(waitForPorts(port, { timeout: 60, signal: controller.signal })).rejects.toThrow(
    'stop waiting',
  );
});
