/**
 * The command line's parser: argv into one command, each subcommand parsed with node's
 * parseArgs against its own option table (cli/usage.ts), so each accepts only its own options.
 */
import { parseArgs } from 'node:util';
import { INPUT_DEFAULTS, type InputName, type RawOptions } from '../spec/config.js';
import { InputError } from '../spec/input-error.js';
import { OPTION_TABLES, SUBCOMMANDS } from './usage.js';

export type OutputFormat = 'text' | 'json' | 'env' | 'github';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'guard';
      options: RawOptions;
      format: OutputFormat;
      verbose?: boolean;
      /** `--owner PID`: the process the leases follow, instead of the job's shell. */
      owner?: string;
    }
  | { kind: 'who'; targets: string[]; leaseDir: string; format: OutputFormat }
  | { kind: 'release'; ports: string[]; leaseDir: string; format: OutputFormat; owner?: string }
  | { kind: 'wait'; ports: string[]; timeout?: string; pid?: string; http?: string }
  | {
      kind: 'exec';
      options: RawOptions;
      /** Print a line once COMMAND listens on every port (implied by --ready-timeout/-http). */
      ready: boolean;
      readyTimeout?: string;
      readyHttp?: string;
      /** COMMAND and its arguments: everything after `--`. */
      command: string[];
    };

export type Subcommand = Exclude<CliCommand['kind'], 'help' | 'version'>;

/** A command line that cannot be understood at all (exit code 2). */
export class UsageError extends InputError {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'env', 'github'];

/** The subcommand an argv names: its first word that is neither an option nor its value. */
function subcommandOf(argv: readonly string[]): { kind: Subcommand; args: string[] } {
  const table = OPTION_TABLES.guard;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      const name = arg.replace(/^--?/, '');
      if (!arg.includes('=') && table[name]?.type === 'string') i++;
      continue;
    }
    if (arg in SUBCOMMANDS)
      return { kind: arg as Subcommand, args: [...argv.slice(0, i), ...argv.slice(i + 1)] };
    break;
  }
  return { kind: 'guard', args: [...argv] };
}

function parseWith(kind: Subcommand, args: string[]) {
  try {
    return parseArgs({ args, options: OPTION_TABLES[kind], allowPositionals: true, strict: true });
  } catch (err) {
    // node's messages span lines; every problem is one `port-guard:` line on stderr.
    const message = (err as Error).message.replace(/\s*\n\s*/g, ' ');
    const where = kind === 'guard' ? '' : `${kind}: `;
    throw new UsageError('command line', `${where}${message}; see port-guard --help`);
  }
}

function formatOf(kind: Subcommand, raw: unknown): OutputFormat {
  const format = (raw as string | undefined) ?? 'text';
  const allowed = kind === 'guard' ? FORMATS : (['text', 'json'] as const);
  if (!(allowed as readonly string[]).includes(format))
    throw new UsageError(
      '--format',
      `${kind === 'guard' ? '' : `${kind}: `}--format: "${format}" is not one of ${allowed.join(', ')}`,
    );
  return format as OutputFormat;
}

/** Parses argv (without node and the script) into one command; throws UsageError. */
export function parseCliArgs(argv: string[]): CliCommand {
  const { kind, args: all } = subcommandOf(argv);
  // exec's COMMAND is everything after `--`: none of it is ours to parse.
  const dashes = kind === 'exec' ? all.indexOf('--') : -1;
  const args = dashes >= 0 ? all.slice(0, dashes) : all;
  const parsed = parseWith(kind, args);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const format = formatOf(kind, values.format);
  if (kind === 'who') {
    if (parsed.positionals.length === 0)
      throw new UsageError('who', 'who: name at least one port, e.g. port-guard who 5432 5353/udp');
    return {
      kind,
      targets: parsed.positionals,
      leaseDir: (values['lease-dir'] as string | undefined) ?? '',
      format,
    };
  }
  const owner = typeof values.owner === 'string' ? { owner: values.owner } : {};
  if (kind === 'release') {
    return {
      kind,
      ports: parsed.positionals,
      leaseDir: (values['lease-dir'] as string | undefined) ?? '',
      format,
      ...owner,
    };
  }
  if (kind === 'wait') {
    if (parsed.positionals.length === 0)
      throw new UsageError(
        'PORT',
        'wait: name at least one port, e.g. port-guard wait 3000 5353/udp',
      );
    const option = (name: string) =>
      typeof values[name] === 'string' ? { [name]: values[name] } : {};
    return {
      kind,
      ports: parsed.positionals,
      ...option('timeout'),
      ...option('pid'),
      ...option('http'),
    };
  }
  if (kind === 'exec' && (dashes < 0 || all.length === dashes + 1))
    throw new UsageError(
      'COMMAND',
      'exec: give the command after --, e.g. port-guard exec web=auto -- npm start',
    );
  if (parsed.positionals.length === 0)
    throw new UsageError(
      'SPEC',
      'no port given; e.g. port-guard 3000 web=auto (see port-guard --help)',
    );
  const raw: RawOptions = { ports: parsed.positionals.join(' ') };
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const value = values[name];
    if (typeof value === 'string') raw[name] = value;
  }
  if (values['no-lease']) {
    if (typeof values.lease === 'string')
      throw new UsageError('--no-lease', '--no-lease and --lease cannot be given together');
    raw.lease = 'false';
  }
  if (kind === 'exec') {
    const readyTimeout = values['ready-timeout'] as string | undefined;
    const readyHttp = values['ready-http'] as string | undefined;
    return {
      kind,
      options: raw,
      ready: values.ready === true || readyTimeout !== undefined || readyHttp !== undefined,
      ...(readyTimeout !== undefined ? { readyTimeout } : {}),
      ...(readyHttp !== undefined ? { readyHttp } : {}),
      command: all.slice(dashes + 1),
    };
  }
  return {
    kind: 'guard',
    options: raw,
    format,
    ...(values.verbose ? { verbose: true } : {}),
    ...owner,
  };
}
