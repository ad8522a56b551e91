/** The real system behind the readiness checks: loopback connects, /proc, lsof, netstat, ps. */
import { findHoldersWhenNeeded } from '../holders/lookup.js';
import { blockingSocketsLinux } from '../holders/linux.js';
import { httpGet } from './http-check.js';
import { connectLoopbacks, loopbackFamilies } from './loopback-connect.js';
import type { ReadyDeps } from './port-check.js';
import { linuxProcessTable, snapshotProcessTable, type ProcessTable } from './process-tree.js';

/** This machine, as the readiness checks see it. */
export function readyDeps(platform: NodeJS.Platform = process.platform): ReadyDeps {
  const linux = platform === 'linux' || platform === 'android';
  return {
    families: loopbackFamilies(),
    connect: (port, families) => connectLoopbacks(port, families),
    findHolders: findHoldersWhenNeeded,
    ...(linux
      ? {
          countUdpSockets: (port: number) =>
            blockingSocketsLinux([{ port, protocol: 'udp' }])[0].length,
        }
      : {}),
    processTable: () => snapshotProcessTable(platform),
    httpGet: (address, port, path) => httpGet(address, port, path),
  };
}

/** The start of `pid` in the units of this machine's process table (for the Docker rule). */
export async function processStart(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): Promise<number | undefined> {
  const table: ProcessTable =
    platform === 'linux' || platform === 'android'
      ? linuxProcessTable()
      : await snapshotProcessTable(platform);
  return table.row(pid)?.start;
}
