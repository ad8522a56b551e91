import type { HolderFinder } from './types.js';

/**
 * The holder lookup, loaded only when a port turned out busy: the happy path never pays for
 * the /proc readers, lsof, netstat and docker code (or `child_process`).
 */
export const findHoldersWhenNeeded: HolderFinder = async (queries) =>
  (await import('./holders/index.js')).findHolders(queries);
