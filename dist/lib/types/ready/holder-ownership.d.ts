/**
 * Whose a port's holder is, when the server's process is known: that process or one of its
 * descendants ("ours"), or a stranger. Docker is the exception: a port published by
 * `docker run -p` or `docker compose up` is held by `docker-proxy`, a child of the Docker
 * daemon rather than of the command, and counts as the command's when it was bound after the
 * command started.
 */
import type { Holder } from '../holders/lookup.js';
import { type ProcessTable } from './process-tree.js';
/** The process a port should belong to. */
export interface ExpectedProcess {
    pid: number;
    /** Its start, from the same process table as the holders' (for the Docker rule). */
    start?: number;
}
export type Ownership = 'ours' | 'stranger';
export interface OwnershipFacts {
    expected: ExpectedProcess;
    table: ProcessTable;
    /**
     * This port was seen with nothing on it after the command started: whatever holds it now was
     * bound after the command started.
     */
    seenFreeSinceStart: boolean;
    /**
     * The expected process has exited with code 0: a command that daemonizes (`redis-server
     * --daemonize yes`, `docker compose up -d`) hands its ports to processes outside its tree.
     */
    exitedCleanly?: boolean;
}
/** Whether a holder is Docker's (a `docker-proxy`, or a process docker named a container for). */
export declare function isDockerHolder(holder: Holder): boolean;
/**
 * Classifies one holder:
 * - a process in the expected process's tree is ours;
 * - a Docker holder is ours when it was bound after the command started;
 * - a process this user cannot see (another user's, e.g. a `sudo` child or a root
 *   `docker-proxy` docker did not name) is ours only when the port was seen free after the
 *   command started; one that was there before is a stranger;
 * - once the command has exited with code 0 (it daemonized), a holder of a port seen free
 *   since it started is ours;
 * - anything else is a stranger.
 */
export declare function classifyHolder(holder: Holder, facts: OwnershipFacts): Ownership;
/** The holders that are not the expected process's. */
export declare function strangers(holders: readonly Holder[], facts: OwnershipFacts): Holder[];
