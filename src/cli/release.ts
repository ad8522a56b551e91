/** `port-guard release [PORT[/protocol]...]`: drops the leases this shell session holds. */
import { UsageError, type CliCommand } from './options.js';
import { EXIT_OK, type Terminal } from './terminal.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { cliOwner } from './guard.js';
import type { LeaseOwner } from '../lease/lease-file.js';
import { NO_OWNER_PID } from '../lease/lease-owner.js';
import { anonymousLeases } from '../lease/ownerless-leases.js';
import { releaseLeases, type ReleaseMatch } from '../lease/lease-registry.js';
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

/**
 * Whose leases go: the owner's; for a caller without an owner process, the CI job's (by its
 * id), or else only leases that name neither a process nor a job.
 */
async function releaseMatch(
  dir: string,
  owner: LeaseOwner,
  targets: Array<{ port: number; protocol: Protocol }>,
): Promise<ReleaseMatch | undefined> {
  if (owner.pid !== NO_OWNER_PID) return { pid: owner.pid, targets };
  if (owner.id !== undefined) return { ownerId: owner.id, targets };
  const anonymous = await anonymousLeases(dir, targets);
  // None: nothing to release (an empty target list would mean every port).
  return anonymous.length > 0 ? { pid: NO_OWNER_PID, targets: anonymous } : undefined;
}

export async function releaseCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'release' }>,
): Promise<number> {
  const targets = parseReleaseTargets(command.ports);
  const dir = command.leaseDir === '' ? defaultLeaseDir() : command.leaseDir;
  const { owner } = await cliOwner(term, command.owner, 0);
  const match = await releaseMatch(dir, owner, targets);
  const released = match ? await releaseLeases(dir, match) : [];
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
