/** `port-guard release [PORT[/protocol]...]`: drops the leases this shell session holds. */
import { UsageError, type CliCommand } from './options.js';
import { EXIT_OK, type Terminal } from './terminal.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { cliLeaseOwnerPid } from '../lease/lease-owner.js';
import { describeLease, releaseLeases } from '../lease/lease-registry.js';
import { parsePortNumber } from '../spec/port-spec.js';

export async function releaseCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'release' }>,
): Promise<number> {
  const ports = command.ports.map((token) => {
    const port = parsePortNumber(token);
    if (port === undefined)
      throw new UsageError('release', `release: "${token}" is not a port number 1-65535`);
    return port;
  });
  const dir = command.leaseDir === '' ? defaultLeaseDir() : command.leaseDir;
  const shell = await cliLeaseOwnerPid(term.env, term.ppid);
  const released = await releaseLeases(dir, { pid: shell, ports });
  if (command.format === 'json') {
    term.stdout(
      JSON.stringify(
        released.map((r) => ({ port: r.port, protocol: r.protocol, owner: r.owner })),
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  for (const r of released) term.stdout(`released ${r.port}/${r.protocol} (${describeLease(r)})\n`);
  if (released.length === 0)
    term.stderr(`port-guard: no leases of this shell (pid ${shell}) to release\n`);
  return EXIT_OK;
}
