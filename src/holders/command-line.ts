/**
 * Turns a process's argument list into one short line that is safe to put into an
 * `::error::` line or a Markdown cell: no newlines, no control characters, bounded length.
 */

/** The longest command line a holder carries, in characters (the ellipsis included). */
export const COMMAND_LINE_MAX = 120;

/**
 * One control character: C0 and C1 controls, DEL, and the Unicode line/paragraph separators;
 * any of them can break a workflow command, a log line or a table row. The one definition of
 * the class: every sanitiser (here, the messages' escapes, the Markdown cells) builds on it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const CONTROL_RUNS = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');

/** Replaces every run of control characters with one space and trims the ends. */
export function singleLine(text: string): string {
  return text.replace(CONTROL_RUNS, ' ').trim();
}

/** Cuts `text` to at most `max` characters (code points), ending in `…` when it was cut. */
export function shorten(text: string, max: number = COMMAND_LINE_MAX): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * A display form of an argument list: the program's directory is dropped (`postgres -D …`
 * says more per character than `/usr/lib/postgresql/16/bin/postgres -D …`), arguments are
 * joined by spaces, control characters removed, and the result shortened to `max`.
 * Undefined for an empty list (kernel threads, zombies).
 */
export function displayCommandLine(
  argv: readonly string[],
  max: number = COMMAND_LINE_MAX,
): string | undefined {
  if (argv.length === 0) return undefined;
  const [program, ...rest] = argv;
  // A process that rewrote its title (`nginx: master process /usr/sbin/nginx`) keeps its text.
  const name = /\s/.test(program) ? program : program.replace(/^.*[/\\](?=[^/\\])/, '');
  const line = singleLine([name, ...rest].join(' '));
  return line === '' ? undefined : shorten(line, max);
}

/** Splits the raw bytes of `/proc/<pid>/cmdline` (NUL-separated, NUL-terminated) into arguments. */
export function splitProcCmdline(raw: Buffer | string): string[] {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const parts = text.split('\0');
  // Processes that rewrite their title pad it with NULs.
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The last path segment of `path`, `/` or `\` separated. */
function baseName(path: string): string {
  return path.replace(/[/\\]+$/, '').replace(/^.*[/\\]/, '');
}

/**
 * The program's name for a holder: the base name of `argv[0]` when it names a program (a
 * process that rewrote its title, `nginx: master process …`, does not), else of the
 * executable (`/proc/<pid>/exe`, without ` (deleted)`), else the short name the kernel keeps
 * (`comm` on Linux, lsof's `c` field). That short name is the main thread's name, not the
 * program's: Node 24 calls its main thread `MainThread`, so it is the last resort.
 */
export function programName(
  argv: readonly string[],
  executable?: string,
  shortName?: string,
): string | undefined {
  const first = argv[0];
  if (first !== undefined && first !== '' && !/\s/.test(first) && !first.endsWith(':')) {
    // A login shell's argv[0] is `-bash`.
    const name = singleLine(baseName(first).replace(/^-/, ''));
    if (name !== '') return name;
  }
  if (executable !== undefined) {
    const name = singleLine(baseName(executable.replace(/ \(deleted\)$/, '')));
    if (name !== '') return name;
  }
  const short = shortName === undefined ? '' : singleLine(shortName);
  return short === '' ? undefined : short;
}
