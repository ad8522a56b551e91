/**
 * The process table as lease ownership needs it: for a pid, its parent, its start token (the
 * same token {@link processIdentity} gives, so a lease's owner can be checked later) and its
 * command line, to tell a short-lived wrapper from the job's shell.
 * - Linux: `/proc/<pid>/stat` and `/proc/<pid>/cmdline`, read when asked (no subprocess).
 * - macOS and the BSDs: one `/bin/ps -A -ww -o pid=,ppid=,lstart=,command=` (LC_ALL=C, TZ=UTC).
 * - Windows: one PowerShell `Get-CimInstance Win32_Process`.
 * (src/ready/process-tree.ts answers "is this a descendant?" from the same sources without
 * command lines.)
 */
import { readFileSync } from 'node:fs';
import { parseStatRow } from '../ready/process-tree.js';
import { runTool, type ToolRunner } from '../system/run-tool.js';
import { windowsSystemTool } from '../system/find-tool.js';
import { linuxStartToken, normalizeStartToken } from './process-identity.js';

/** One process as the owner search sees it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** The start token, in {@link processIdentity}'s format; absent when unknown (Windows). */
  start?: string;
  /**
   * The command line split into words, the program first. Linux gives the real argv (a
   * program that rewrote its title, as npm does, shows one word with spaces, split here too);
   * ps and Windows give one line, split on blanks (and Windows quotes).
   */
  argv: string[];
  /** The executable's full path, where the table tells it (Windows `ExecutablePath`). */
  exe?: string;
}

/** Looks processes up by pid; undefined when there is no such process or it cannot be read. */
export type ProcessLookup = (pid: number) => ProcessEntry | undefined;

/** A lookup over recorded entries (what the snapshots produce, and what tests feed in). */
export function lookupOf(entries: readonly ProcessEntry[]): ProcessLookup {
  const byPid = new Map(entries.map((e) => [e.pid, e]));
  return (pid) => byPid.get(pid);
}

/** `/proc/<pid>/cmdline` as words: NUL-separated, a rewritten title split on spaces. */
export function cmdlineWords(text: string): string[] {
  const argv = text.split('\0');
  while (argv.length > 0 && argv[argv.length - 1] === '') argv.pop();
  if (argv.length === 1) return argv[0].split(/\s+/).filter(Boolean);
  return argv;
}

/** The Linux lookup: each entry read from `/proc` when asked for. */
export async function linuxProcessLookup(procRoot = '/proc'): Promise<ProcessLookup> {
  const token = await linuxStartToken();
  return (pid) => {
    try {
      const row = parseStatRow(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
      if (!row || row.pid !== pid) return undefined;
      const argv = cmdlineWords(readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8'));
      const entry: ProcessEntry = { pid, ppid: row.ppid, argv };
      if (row.start !== undefined) entry.start = token(String(row.start));
      return entry;
    } catch {
      return undefined;
    }
  };
}

// `Wed Dec  2 00:33:37 2026`: what `lstart` prints under LC_ALL=C.
const PS_LINE =
  /^\s*(\d+)\s+(\d+)\s+([A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\s+\d{4})\s+(.*)$/;

/** Parses `ps -A -ww -o pid=,ppid=,lstart=,command=` run with `LC_ALL=C TZ=UTC`. */
export function parsePsProcesses(text: string): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = PS_LINE.exec(line);
    if (!match) continue;
    entries.push({
      pid: Number(match[1]),
      ppid: Number(match[2]),
      start: normalizeStartToken(match[3]),
      argv: match[4].trim().split(/\s+/).filter(Boolean),
    });
  }
  return entries;
}

/** Splits a Windows command line the way most programs' C runtimes do (quotes group words). */
export function windowsWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let any = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (any) words.push(word);
      word = '';
      any = false;
    } else {
      word += ch;
      any = true;
    }
  }
  if (any) words.push(word);
  return words;
}

/**
 * PowerShell's table, one tab-separated line per process (tabs cannot be in a path and are
 * replaced in command lines), printed as UTF-8 whatever the console code page.
 */
export const POWERSHELL_PROCESSES = [
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
  'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId)`t$($_.ParentProcessId)`t$($_.Name)`t$($_.ExecutablePath)`t$(($_.CommandLine) -replace "`t", " ")" }',
].join('; ');

/** Parses the lines {@link POWERSHELL_PROCESSES} prints. */
export function parseWindowsProcesses(text: string): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split('\t');
    if (cells.length < 5 || !/^\d+$/.test(cells[0]) || !/^\d+$/.test(cells[1])) continue;
    const [pid, ppid, name, exe, ...rest] = cells;
    const command = rest.join(' ').trim();
    // A process whose command line is hidden (another user's, a system process) still has a name.
    const argv = command !== '' ? windowsWords(command) : [name];
    const entry: ProcessEntry = { pid: Number(pid), ppid: Number(ppid), argv };
    if (exe) entry.exe = exe;
    entries.push(entry);
  }
  return entries;
}

/** The process lookup of this host; throws with the reason when the table cannot be read. */
export async function readProcessLookup(
  platform: NodeJS.Platform = process.platform,
  run: ToolRunner = runTool,
): Promise<ProcessLookup> {
  if (platform === 'linux' || platform === 'android') return linuxProcessLookup();
  if (platform === 'win32') {
    const result = await run(
      windowsSystemTool('WindowsPowerShell\\v1.0\\powershell'),
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', POWERSHELL_PROCESSES],
      { timeoutMs: 20000, encoding: 'utf8' },
    );
    const entries = parseWindowsProcesses(result.stdout);
    if (entries.length === 0)
      throw new Error(
        `PowerShell Get-CimInstance Win32_Process gave no answer (${describe(result)})`,
      );
    return lookupOf(entries);
  }
  const result = await run('/bin/ps', ['-A', '-ww', '-o', 'pid=,ppid=,lstart=,command='], {
    timeoutMs: 10000,
    env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
  });
  const entries = parsePsProcesses(result.stdout);
  if (result.code !== 0 || entries.length === 0)
    throw new Error(`/bin/ps gave no process table (${describe(result)})`);
  return lookupOf(entries);
}

function describe(result: { code: number | null; failure?: string }): string {
  return result.failure ?? `exit ${String(result.code)}`;
}
