/**
 * `who` shows port-guard leases on a port (read-only), and `release` takes
 * PORT[/tcp|udp|both] and answers in JSON: in-process, with a lease this test's run took.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { recordingTerminal } from '../support/fake-fronts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A lease dir holding this process's leases on one auto port, for TCP and UDP. */
async function leased(): Promise<{ dir: string; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-who-release-'));
  dirs.push(dir);
  const term = recordingTerminal();
  expect(await main(['--format', 'json', '--lease-dir', dir, 'svc=auto/both'], term)).toBe(0);
  return { dir, port: JSON.parse(term.out).ports.svc };
}

test('who shows the port-guard lease on a port nobody listens on yet', async () => {
  const { dir, port } = await leased();
  const text = recordingTerminal();
  expect(await main(['who', '--lease-dir', dir, `${port}/tcp`], text)).toBe(0);
  expect(text.out).not.toContain('nothing found');
  expect(text.out).toMatch(
    new RegExp(
      `^${port}/tcp\\s+${process.pid}\\s+-\\s+leased\\s+-\\s+port-guard lease: leased by pid ${process.pid}, until `,
      'm',
    ),
  );
  const json = recordingTerminal();
  expect(await main(['who', '--format', 'json', '--lease-dir', dir, `${port}/both`], json)).toBe(0);
  const body = JSON.parse(json.out);
  expect(body.map((r: { protocol: string }) => r.protocol)).toEqual(['tcp', 'udp']);
  expect(body[0].leases[0]).toMatchObject({ owner: { pid: process.pid } });
  // Read-only: the lease files are all still there.
  expect(
    readdirSync(dir)
      .filter((f) => f.endsWith('.lease'))
      .sort(),
  ).toEqual([`tcp-${port}.lease`, `udp-${port}.lease`]);
});

test('release accepts PORT/protocol, releases only that protocol, and honours --format json', async () => {
  const { dir, port } = await leased();
  const udp = recordingTerminal();
  expect(await main(['release', '--format', 'json', '--lease-dir', dir, `${port}/udp`], udp)).toBe(
    0,
  );
  expect(JSON.parse(udp.out)).toEqual({
    ok: true,
    released: [{ port, protocol: 'udp', owner: expect.objectContaining({ pid: process.pid }) }],
  });
  expect(readdirSync(dir).filter((f) => f.endsWith('.lease'))).toEqual([`tcp-${port}.lease`]);

  const tcp = recordingTerminal();
  expect(await main(['release', '--lease-dir', dir, `${port}/TCP`], tcp)).toBe(0);
  expect(tcp.out).toBe(`released ${port}/tcp (leased by pid ${process.pid})\n`);
  expect(readdirSync(dir).filter((f) => f.endsWith('.lease'))).toEqual([]);

  const bad = recordingTerminal();
  expect(await main(['release', '--format', 'json', '--lease-dir', dir, '3000/sctp'], bad)).toBe(2);
  expect(JSON.parse(bad.out).error.kind).toBe('usage');
  expect(bad.err).toContain('release: "3000/sctp" is not a port; write PORT[/tcp|udp|both]');
});
