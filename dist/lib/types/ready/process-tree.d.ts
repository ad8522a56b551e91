import { type ToolRunner } from '../system/run-tool.js';
/** One row of a process table. `start` is comparable only with starts from the same table. */
export interface ProcessRow {
    pid: number;
    ppid: number;
    /** Linux: clock ticks since boot; macOS: seconds since the epoch; absent on Windows. */
    start?: number;
}
/** Answers parent and start-time questions about processes; undefined when a pid is unknown. */
export interface ProcessTable {
    row(pid: number): ProcessRow | undefined;
}
/** A table over recorded rows (what the other tables produce, and what tests feed in). */
export declare function tableOf(rows: readonly ProcessRow[]): ProcessTable;
/**
 * The pid, parent pid and start ticks of a `/proc/<pid>/stat` line (fields 1, 4 and 22). The
 * command name (field 2) may contain spaces and parentheses: fields are counted from the last `)`.
 */
export declare function parseStatRow(text: string): ProcessRow | undefined;
/** The Linux table: each row read from `/proc` when asked for, at a few microseconds a row. */
export declare function linuxProcessTable(procRoot?: string): ProcessTable;
/** Parses `ps -A -o pid=,ppid=,lstart=` run with `LC_ALL=C TZ=UTC`. */
export declare function parsePsTable(text: string): ProcessRow[];
/** Parses `wmic process get ParentProcessId,ProcessId /format:csv` (Node,ParentProcessId,ProcessId). */
export declare function parseWmicTable(text: string): ProcessRow[];
/** Reads the whole table once with a tool (macOS, BSDs, Windows). */
export declare function snapshotProcessTable(platform?: NodeJS.Platform, run?: ToolRunner): Promise<ProcessTable>;
/** Whether `pid` is `root` or one of its descendants, by walking `pid`'s parents up. */
export declare function isInTree(root: number, pid: number, table: ProcessTable): boolean;
