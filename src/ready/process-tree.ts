/**
 * Whether a process is another one or one of its descendants, from the parent links of this
 * machine's process table: Linux reads `/proc/<pid>/stat` (no subprocess), macOS and the BSDs
 * run `/bin/ps` once, Windows asks `wmic` or PowerShell for `Win32_Process`. Start times come
 * along, so a port bound by a process younger than the command can be told apart.
 */
import { readFileSync } from 'node:fs';
import { runTool, type ToolRunner } from '../system/run-tool.js';
import { windowsSystemTool } from '../system/find-tool.js';

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
export function tableOf(rows: readonly ProcessRow[]): ProcessTable {
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  return { row: (pid) => byPid.get(pid) };
}

/**
 * The pid, parent pid and start ticks of a `/proc/<pid>/stat` line (fields 1, 4 and 22). The
 * command name (field 2) may contain spaces and parentheses: fields are counted from the last `)`.
 */
export function parseStatRow(text: string): ProcessRow | undefined {
  const open = text.indexOf(' (');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open));
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  const start = Number(fields[19]);
  if (!Number.isSafeInteger(pid) || !Number.isSafeInteger(ppid)) return undefined;
  return Number.isSafeInteger(start) ? { pid, ppid, start } : { pid, ppid };
}

/** The Linux table: each row read from `/proc` when asked for, at a few microseconds a row. */
export function linuxProcessTable(procRoot = '/proc'): ProcessTable {
  const cache = new Map<number, ProcessRow | undefined>();
  return {
    row(pid) {
      if (!cache.has(pid)) {
        let row: ProcessRow | undefined;
        try {
          row = parseStatRow(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
        } catch {
          row = undefined;
        }
        cache.set(pid, row);
      }
      return cache.get(pid);
    },
  };
}

/** Parses `ps -A -o pid=,ppid=,lstart=` run with `LC_ALL=C TZ=UTC`. */
export function parsePsTable(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(\d+)\s+(\d+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const row: ProcessRow = { pid: Number(match[1]), ppid: Number(match[2]) };
    const started = Date.parse(`${match[3].trim()} UTC`);
    if (match[3].trim() !== '' && Number.isFinite(started)) row.start = started / 1000;
    rows.push(row);
  }
  return rows;
}

/** Parses `wmic process get ParentProcessId,ProcessId /format:csv` (Node,ParentProcessId,ProcessId). */
export function parseWmicTable(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.trim().split(',');
    if (cells.length < 3) continue;
    const ppid = Number(cells[cells.length - 2]);
    const pid = Number(cells[cells.length - 1]);
    if (/^\d+$/.test(cells[cells.length - 1]) && Number.isSafeInteger(ppid))
      rows.push({ pid, ppid });
  }
  return rows;
}

/** PowerShell's answer where `wmic` is gone (Windows 11 24H2, Server 2025): "pid ppid" lines. */
const POWERSHELL_TABLE =
  'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }';

/** Reads the whole table once with a tool (macOS, BSDs, Windows). */
export async function snapshotProcessTable(
  platform: NodeJS.Platform = process.platform,
  run: ToolRunner = runTool,
): Promise<ProcessTable> {
  if (platform === 'linux' || platform === 'android') return linuxProcessTable();
  if (platform === 'win32') {
    const wmic = await run(
      windowsSystemTool('wbem\\WMIC'),
      ['process', 'get', 'ParentProcessId,ProcessId', '/format:csv'],
      { timeoutMs: 10000 },
    );
    if (wmic.code === 0) return tableOf(parseWmicTable(wmic.stdout));
    const ps = await run(
      windowsSystemTool('WindowsPowerShell\\v1.0\\powershell'),
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', POWERSHELL_TABLE],
      { timeoutMs: 15000 },
    );
    return tableOf(parsePsTable(ps.stdout));
  }
  // runTool pins LC_ALL=C and TZ=UTC, which the lstart column's parser needs.
  const ps = await run('/bin/ps', ['-A', '-o', 'pid=,ppid=,lstart='], { timeoutMs: 5000 });
  return tableOf(parsePsTable(ps.stdout));
}

/** The deepest process tree walked; a parent loop in a recorded table cannot hang the walk. */
const MAX_DEPTH = 256;

/** Whether `pid` is `root` or one of its descendants, by walking `pid`'s parents up. */
export function isInTree(root: number, pid: number, table: ProcessTable): boolean {
  let current = pid;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current === root) return true;
    if (current <= 1) return false;
    const row = table.row(current);
    if (!row || row.ppid === current) return false;
    current = row.ppid;
  }
  return false;
}
