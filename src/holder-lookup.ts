import type { Holder, HolderFinder, HolderQuery } from './types.js';

/**
 * The holder lookup, loaded only when a port turned out busy: the happy path never pays for
 * the /proc readers, lsof, netstat and docker code (or `child_process`).
 */
export const findHoldersWhenNeeded: HolderFinder = async (queries) =>
  (await import('./holders/index.js')).findHolders(queries);

/** Looks every query up in one call and sorts the holders back to their query, in order. */
export async function holdersPerQuery(
  finder: HolderFinder,
  queries: readonly HolderQuery[],
): Promise<Holder[][]> {
  // Only the port and protocol: callers may pass richer objects (conflicts, handed-out ports).
  const holders = await finder(queries.map(({ port, protocol }) => ({ port, protocol })));
  return queries.map((q) => holders.filter((h) => h.port === q.port && h.protocol === q.protocol));
}
