import { createServer } from 'node:net';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { holdPort, type HolderProcess } from '../support/holder-process.js';
import { annotations, runAction, runPost } from '../support/run-built.js';

let held: HolderProcess[] = [];
afterEach(async () => {
  await Promise.all(held.map((h) => h.stop()));
  held = [];
});
const hold = async (host: string, protocol: 'tcp' | 'udp' = 'tcp', ipv6Only = false) => {
  const h = await holdPort({ host, protocol, ipv6Only });
  held.push(h);
  return h;
};
const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::' }, () => server.close(() => resolve(true)));
  });

test('success: free ports and an auto port become outputs, env, summary', async () => {
  const free = await hold('127.0.0.1');
  await free.stop();
  const r = await runAction({ ports: `web=${free.port}, api=auto`, 'export-env': 'true' });
  expect(r.code).toBe(0);
  expect(r.outputs.web).toBe(String(free.port));
  const api = Number(r.outputs.api);
  expect(api).toBeGreaterThanOrEqual(49152);
  expect(r.outputs.port).toBe(String(free.port));
  expect(JSON.parse(r.outputs.ports)).toEqual({ web: free.port, api });
  expect(r.outputs.conflicts).toBe('[]');
  // An auto port is what was asked for, not a fallback.
  expect(r.outputs['fallback-used']).toBe('false');
  expect(r.env).toEqual({ WEB: String(free.port), API: String(api) });
  expect(r.summary).toContain('| name | requested | assigned | protocol | status | held by |');
  expect(r.summary).toContain(`| web | ${free.port} | ${free.port} | tcp | ✅ free |  |`);
  expect(r.state.isPost).toBe('true');
  expect(annotations(r.stdout, 'error')).toEqual([]);
  expect(await bindable(api)).toBe(true);
});

test('failure: every busy port on every kind of address is an ::error::, exit 1, only `conflicts` written', async () => {
  const holders = [
    await hold('127.0.0.1'),
    await hold('0.0.0.0'),
    await hold('::1'),
    await hold('::'),
    await hold('::', 'tcp', true),
    await hold('0.0.0.0', 'udp'),
  ];
  const specs = holders.map((h, i) => `h${i}=${h.port}/${i === 5 ? 'udp' : 'tcp'}`).join(',');
  const r = await runAction({ ports: specs });
  expect(r.code).toBe(1);
  const errors = annotations(r.stdout, 'error');
  expect(errors).toHaveLength(6);
  expect(errors[0]).toMatch(
    new RegExp(
      `^::error::h0: port ${holders[0].port}/tcp is in use on :: \\(EADDRINUSE\\), held by `,
    ),
  );
  expect(Object.keys(r.outputs)).toEqual(['conflicts']);
  const conflicts = JSON.parse(r.outputs.conflicts) as Array<{
    name: string;
    port: number;
    protocol: string;
    code: string;
    address: string;
  }>;
  expect(conflicts.map((c) => [c.name, c.port, c.protocol, c.code])).toEqual(
    holders.map((h, i) => [`h${i}`, h.port, i === 5 ? 'udp' : 'tcp', 'EADDRINUSE']),
  );
  expect(r.summary).toContain('❌ conflict');
  expect(r.env).toEqual({});
  // No lease survives a failed step.
  const leases = join(r.dir, 'leases');
  expect(existsSync(leases) ? readdirSync(leases).filter((f) => !f.startsWith('.')) : []).toEqual(
    [],
  );
});

test('fallback: a notice per reassignment and a bindable replacement', async () => {
  const busy = await hold('127.0.0.1');
  const r = await runAction({
    ports: `web=${busy.port}`,
    'on-conflict': 'fallback',
    'fallback-range': '40000-40999',
  });
  expect(r.code).toBe(0);
  const port = Number(r.outputs.web);
  expect(port).toBeGreaterThanOrEqual(40000);
  expect(port).toBeLessThanOrEqual(40999);
  expect(r.outputs['fallback-used']).toBe('true');
  const notices = annotations(r.stdout, 'notice');
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(`web: port ${busy.port}/tcp is in use on :: (EADDRINUSE), held by `);
  expect(notices[0]).toContain(`→ using ${port}`);
  expect(JSON.parse(r.outputs.conflicts)).toHaveLength(1);
  expect(await bindable(port)).toBe(true);
});

test('warn: a warning per conflict, the requested port kept, exit 0', async () => {
  const busy = await hold('::1');
  const r = await runAction({ ports: `web=${busy.port}`, 'on-conflict': 'warn' });
  expect(r.code).toBe(0);
  expect(r.outputs.web).toBe(String(busy.port));
  expect(r.outputs['fallback-used']).toBe('false');
  expect(annotations(r.stdout, 'warning')).toHaveLength(1);
  expect(annotations(r.stdout, 'warning')[0]).toContain('keeping it as asked');
});

test('bad input: an error per bad token naming the input, exit 1, nothing written', async () => {
  const r = await runAction({ ports: 'web=x, 0x50', protocol: 'sctp' });
  expect(r.code).toBe(1);
  const errors = annotations(r.stdout, 'error');
  expect(errors).toHaveLength(3);
  expect(errors.join('\n')).toContain('ports: "web=x"');
  expect(errors.join('\n')).toContain('ports: "0x50"');
  expect(errors.join('\n')).toContain('protocol: "sctp" is not one of tcp, udp, both');
  expect(r.outputs).toEqual({});
  expect(r.summary).toBe('');
  expect(existsSync(join(r.dir, 'leases'))).toBe(false);
});

test('the post step runs and exits 0', async () => {
  const main = await runAction({ ports: 'api=auto' });
  expect(main.code).toBe(0);
  const post = await runPost(main);
  expect(post.code).toBe(0);
  expect(annotations(post.stdout, 'error')).toEqual([]);
});
