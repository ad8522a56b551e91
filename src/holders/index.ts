/**
 * Who holds a busy port, on whatever system this runs on. Called only after a probe said
 * "in use": the lookup costs milliseconds (Linux) to a second (Windows).
 */
import type { Holder, HolderFinder, HolderQuery } from './lookup.js';
import { findHoldersWithLsof } from './darwin.js';
import { nameContainers, type NameContainersOptions } from './docker.js';
import { findHoldersLinux, type LinuxLookupOptions } from './linux.js';
import type { ToolRunner } from '../system/run-tool.js';
import { findHoldersWindows } from './win32.js';

export { describeHolder, describeHolders } from './describe-holder.js';

/** What {@link findHoldersOn} may be given instead of the real system. */
export interface HolderLookupDeps {
  linux?: LinuxLookupOptions;
  docker?: NameContainersOptions;
  /** Runs `lsof`, `ps`, `netstat`, `tasklist`. */
  run?: ToolRunner;
}

const isPort = (q: HolderQuery): boolean =>
  Number.isInteger(q.port) &&
  q.port >= 1 &&
  q.port <= 65535 &&
  (q.protocol === 'tcp' || q.protocol === 'udp');

/**
 * Finds holders as `platform` would: Linux reads /proc, Windows runs netstat and tasklist,
 * macOS and the BSDs run lsof. `docker-proxy` holders get their container's name when docker
 * answers. Never throws: what cannot be found is left out, and callers say "unknown".
 */
export async function findHoldersOn(
  platform: NodeJS.Platform,
  queries: readonly HolderQuery[],
  deps: HolderLookupDeps = {},
): Promise<Holder[]> {
  const valid = queries
    .filter(isPort)
    .filter(
      (q, i, all) => all.findIndex((o) => o.port === q.port && o.protocol === q.protocol) === i,
    );
  if (valid.length === 0) return [];
  let holders: Holder[];
  try {
    if (platform === 'linux' || platform === 'android') {
      holders = await findHoldersLinux(valid, deps.linux);
    } else if (platform === 'win32') {
      holders = await findHoldersWindows(valid, deps.run);
    } else {
      holders = await findHoldersWithLsof(valid, deps.run);
    }
  } catch {
    return [];
  }
  try {
    return await nameContainers(holders, deps.docker);
  } catch {
    return holders;
  }
}

/** Finds who holds the given ports on this machine. */
export const findHolders: HolderFinder = (queries) => findHoldersOn(process.platform, queries);
