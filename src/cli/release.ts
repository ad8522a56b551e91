/** `port-guard release [PORT[/protocol]...]`: drops the leases this shell session holds. */
import { UsageError, type CliCommand } from './options.js';
import { EXIT_OK, type Terminal } from './terminal.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { cliLeaseOwnerPid } from '../lease/lease-owner.js';
import { releaseLeases } from '../lease/lease-registry.js';
import { describeLease } from '../report/messages.js';
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
  const shell = await cliLeaseOwnerPid(term.env, term.ppid);
  const released = await releaseLeases(dir, { pid: shell, targets });
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
    term.stderr(`port-guard: no leases of this shell (pid ${shell}) to release\n`);
  return EXIT_OK;
}
