/**
 * The process a wait is bound to: the server port-guard started (a child, whose exit it hears
 * at once, with its code), or a process named by `--pid` (not a child: its end is seen by
 * polling, and its exit code only while it is an unreaped zombie on Linux).
 */
import type { ChildProcess } from 'node:child_process';
/** How a process ended. `code` is null when it was killed by a signal or is not known. */
export interface ProcessExit {
    code: number | null;
    signal: NodeJS.Signals | null;
}
export interface WatchedProcess {
    pid: number;
    /** How it ended, once it has; undefined while it runs. Cheap: called on every tick. */
    exited(): Promise<ProcessExit | undefined>;
    /** Resolves when the process is seen to end (at once for a child). */
    readonly ended: Promise<ProcessExit>;
}
/** Watches a child port-guard spawned: its exit is known the moment it happens. */
export declare function watchChild(child: ChildProcess): WatchedProcess;
/**
 * The exit code of an unreaped zombie, from field 52 of `/proc/<pid>/stat` (Linux 3.5+):
 * the `waitpid` status, whose high byte is the code and low 7 bits the signal.
 */
export declare function zombieExit(statText: string): ProcessExit | undefined;
/**
 * Watches a process named by pid (and, when known, start token, so a reused pid reads as the
 * end of the original). Its end is noticed on the next `exited()` call.
 */
export declare function watchPid(pid: number, start?: string): WatchedProcess;
