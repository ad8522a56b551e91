/**
 * `port-guard who PORT[/protocol]...`: who holds these ports, as data and as a text table.
 */
import path from 'node:path';
import type { CliCommand } from './options.js';
import { EXIT_OK, type Terminal } from './terminal.js';
import { InputError } from '../spec/input-error.js';
import { parsePortTarget, protocolsOf } from '../spec/port-spec.js';
import type { Holder, HolderFinder, HolderQuery } from '../holders/lookup.js';
import { defaultLeaseDir } from '../lease/lease-dir.js';
import { leaseFileName, readLeaseEntry, type LeaseRecord } from '../lease/lease-file.js';
import { describeLease, printable } from '../report/messages.js';
import { renderTextTable } from '../report/text-table.js';
import { singleLine } from '../holders/command-line.js';
import { containerText, describeHolders } from '../holders/describe-holder.js';
import { findHoldersWhenNeeded, holdersPerQuery } from '../holders/lookup.js';

/** The holders found for one queried port, and the port-guard leases on it. */
export interface WhoResult {
  query: HolderQuery;
  holders: Holder[];
  leases?: LeaseRecord[];
}

/**
 * Parses `who` targets: `PORT`, `PORT/tcp`, `PORT/udp` or `PORT/both` (TCP when no protocol
 * is given). Every bad target is reported at once, as an {@link InputError} for `who`.
 */
export function parseWhoTargets(targets: readonly string[]): HolderQuery[] {
  const queries: HolderQuery[] = [];
  const problems: string[] = [];
  for (const target of targets) {
    const parsed = parsePortTarget(target);
    if (!parsed) {
      problems.push(
        `who: "${target}" is not a port; write PORT[/tcp|udp|both] with PORT from 1 to 65535, e.g. 5432 or 5353/udp`,
      );
      continue;
    }
    const { port, protocol } = parsed;
    for (const p of protocolsOf(protocol)) {
      if (!queries.some((q) => q.port === port && q.protocol === p))
        queries.push({ port, protocol: p });
    }
  }
  if (problems.length > 0) throw new InputError('who', problems);
  return queries;
}

/** Looks up all queries in one lookup and sorts the holders back to their query. */
export async function who(
  queries: HolderQuery[],
  finder: HolderFinder = findHoldersWhenNeeded,
): Promise<WhoResult[]> {
  const perQuery = await holdersPerQuery(finder, queries);
  return queries.map((query, i) => ({ query, holders: perQuery[i] }));
}

/**
 * The unexpired port-guard leases on each queried port, read-only (nothing is cleaned up or
 * judged stale here: that is the allocator's business). A missing directory has none.
 */
export async function leasesOn(
  dir: string,
  queries: readonly HolderQuery[],
  now: number = Date.now(),
): Promise<LeaseRecord[][]> {
  return Promise.all(
    queries.map(async ({ port, protocol }) => {
      try {
        const entry = await readLeaseEntry(path.join(dir, leaseFileName(port, protocol)), {
          port,
          protocol,
        });
        return entry.kind === 'lease' && entry.record.expiresAt > now ? [entry.record] : [];
      } catch {
        return [];
      }
    }),
  );
}

function leaseCells(query: HolderQuery, lease: LeaseRecord): string[] {
  const until = new Date(lease.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    `${query.port}/${query.protocol}`,
    lease.owner.pid === undefined ? '-' : String(lease.owner.pid),
    '-',
    'leased',
    '-',
    printable(`port-guard lease: ${describeLease(lease)}, until ${until}`),
  ].map(singleLine);
}

// On Linux an unseen process still shows as a uid, but lsof and netstat show nothing at all.
const NOTHING_FOUND = 'nothing found (free, or not visible to this user)';

const HEADERS = ['PORT', 'PID', 'USER', 'STATE', 'ADDRESSES', 'COMMAND'];

function whoCells(h: Holder): string[] {
  let user = h.user ?? (h.uid === undefined ? '-' : `uid ${h.uid}`);
  let command = h.commandLine ?? h.command ?? '-';
  if (h.container && h.pid !== undefined) {
    command = `${h.command ?? 'docker-proxy'} → ${containerText(h.container)}`;
  }
  if (h.pid === undefined) {
    if (h.hidden) {
      user = `uid ${h.uid ?? '?'}`;
      command = '(process hidden: needs root)';
      if (h.container) command += ` published by docker for ${containerText(h.container)}`;
    } else if (h.state === 'time-wait') {
      command = '(no process: a closed connection lingering)';
    } else if (h.uid !== undefined) {
      command = '(no process found: a kernel socket, or a process in another container)';
    }
  }
  return [
    `${h.port}/${h.protocol}`,
    h.pid === undefined ? '-' : String(h.pid),
    user,
    h.state,
    h.addresses.join(', ') || '-',
    command,
  ].map(singleLine);
}

/**
 * A plain-text table, one row per holder; a port with no holder found gets one row saying
 * `nothing found (free, or not visible to this user)`. Columns are padded to their widest cell; the last one is not padded.
 */
export function formatWhoTable(results: readonly WhoResult[]): string {
  const rows: string[][] = [HEADERS];
  for (const { query, holders, leases = [] } of results) {
    if (holders.length === 0 && leases.length === 0) {
      rows.push([`${query.port}/${query.protocol}`, '-', '-', '-', '-', NOTHING_FOUND]);
    }
    for (const h of holders) rows.push(whoCells(h));
    for (const lease of leases) rows.push(leaseCells(query, lease));
  }
  return renderTextTable(rows);
}

/**
 * JSON for `who --format json`: one object per queried port with its holders and the same
 * one-line description the action's messages use.
 */
export function formatWhoJson(results: readonly WhoResult[]): string {
  return JSON.stringify(
    results.map(({ query, holders, leases = [] }) => ({
      port: query.port,
      protocol: query.protocol,
      holders,
      leases: leases.map((l) => ({
        owner: l.owner,
        createdAt: new Date(l.createdAt).toISOString(),
        expiresAt: new Date(l.expiresAt).toISOString(),
        description: describeLease(l),
      })),
      description: describeHolders(holders),
    })),
    null,
    2,
  );
}

/** `port-guard who PORT[/protocol]...`. */
export async function whoCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'who' }>,
): Promise<number> {
  const queries = parseWhoTargets(command.targets);
  const [results, leases] = await Promise.all([
    who(queries),
    leasesOn(command.leaseDir === '' ? defaultLeaseDir() : path.resolve(command.leaseDir), queries),
  ]);
  results.forEach((r, i) => (r.leases = leases[i]!));
  term.stdout(
    (command.format === 'json' ? formatWhoJson(results) : formatWhoTable(results)) + '\n',
  );
  return EXIT_OK;
}
