/** `port-guard release [PORT[/protocol]...]`: drops the leases this shell session holds. */
import { UsageError, type CliCommand } from './options.js';
import { EXIT_OK, type Terminal } from './terminal.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { cliOwner } from './guard.js';
import { describeLease, releaseLeases } from '../lease/lease-registry.js';
import { parsePortTarget, protocolsOf, type Protocol } from '../spec/port-spec.js';

/** `PORT[/tcp|udp|both]` targets, every bad one reported at once. */
export function parseReleaseTargets(
  tokens: readonly string[],
): Array<{ port: number; protocol: Protocol }> {
  const problems: string[] = [];
  const targets: Array<{ port: number; protocol: Protocol }> = [];
  for (const token of tokens) {
    const target = parsePortTarget(token);
    if (!target) {
      problems.push(
        `release: "${token}" is not a port; write PORT[/tcp|udp|both] with PORT from 1 to 65535, e.g. 3000 or 5353/udp`,
      );
      continue;
    }
    // A bare port releases it on both protocols: whichever this shell leased.
    const protocols = token.includes('/') ? protocolsOf(target.protocol) : protocolsOf('both');
    for (const protocol of protocols) targets.push({ port: target.port, protocol });
  }
  if (problems.length > 0) throw new UsageError('release', problems);
  return targets;
}

export async function releaseCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'release' }>,
): Promise<number> {
  const targets = parseReleaseTargets(command.ports);
  const dir = command.leaseDir === '' ? defaultLeaseDir() : command.leaseDir;
  const { owner } = await cliOwner(term, command.owner, 0);
  // Leases that follow no process are the CI job's (by its id) where the job has one.
  const match =
    owner.pid === 0 && owner.id !== undefined ? { ownerId: owner.id } : { pid: owner.pid };
  const released = await releaseLeases(dir, { ...match, targets });
  if (command.format === 'json') {
    term.stdout(
      JSON.stringify(
        {
          ok: true,
          released: released.map((r) => ({ port: r.port, protocol: r.protocol, owner: r.owner })),
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  for (const r of released) term.stdout(`released ${r.port}/${r.protocol} (${describeLease(r)})\n`);
  if (released.length === 0)
    term.stderr(
      owner.pid === 0
        ? `port-guard: no leases without an owner process${owner.id ? ` of this job (${owner.id})` : ''} to release\n`
        : `port-guard: no leases of ${command.owner !== undefined ? 'process' : 'this shell'} (pid ${owner.pid}) to release\n`,
    );
  return EXIT_OK;
}
