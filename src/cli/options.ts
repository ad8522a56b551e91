/**
 * The command line's grammar: one option table per subcommand (each accepts only its own
 * options), parsed with node's parseArgs; the usage text is derived from the same tables and
 * the engine's input defaults, so it cannot drift from what is accepted.
 */
import { parseArgs } from 'node:util';
import { INPUT_DEFAULTS, type InputName, type RawOptions } from '../spec/config.js';
import { InputError } from '../spec/input-error.js';

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

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the usage text. */
  value?: string;
  help: string;
}

const HELP: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

/** Options that mirror the action's inputs; their defaults come from INPUT_DEFAULTS. */
const INPUT_OPTIONS: Partial<Record<InputName, OptionSpec>> = {
  protocol: {
    type: 'string',
    value: 'tcp|udp|both',
    help: 'default protocol for specs without one',
  },
  'on-conflict': {
    type: 'string',
    value: 'fail|fallback|warn',
    help: 'what to do when a port is busy',
  },
  'fallback-range': {
    type: 'string',
    value: 'LO-HI[,...]',
    help: 'where fallback and auto ports come from',
  },
  'fallback-strategy': {
    type: 'string',
    value: 'random|sequential',
    help: 'order of fallback candidates',
  },
  exclude: {
    type: 'string',
    value: 'PORTS',
    help: 'ports and ranges never handed out, e.g. 5432,8000-8100',
  },
  hosts: { type: 'string', value: 'all|ADDR,...', help: 'addresses a port must be free on' },
  wait: { type: 'string', value: 'SECONDS', help: 'wait for busy ports to become free first' },
  seed: { type: 'string', value: 'TEXT', help: 'deterministic random order' },
  'export-env': {
    type: 'string',
    value: 'true|false',
    help: 'with --format github: also write GITHUB_ENV',
  },
  lease: { type: 'string', value: 'true|false', help: 'take host-wide leases on the ports' },
  'lease-dir': {
    type: 'string',
    value: 'DIR',
    help: 'where leases live (default: the host-wide dir)',
  },
  'lease-ttl': { type: 'string', value: 'SECONDS', help: 'lease lifetime' },
  summary: {
    type: 'string',
    value: 'true|false',
    help: 'with --format github: write the job summary',
  },
};

const OWNER: Record<string, OptionSpec> = {
  owner: {
    type: 'string',
    value: 'PID',
    help: "the process the leases live as long as (default: the job's shell)",
  },
};

const FORMAT: Record<string, OptionSpec> = {
  format: { type: 'string', value: 'text|json|env|github', help: 'output format (text)' },
};

/** Each subcommand's own options. */
export const OPTION_TABLES: Record<Subcommand, Record<string, OptionSpec>> = {
  guard: {
    ...(INPUT_OPTIONS as Record<string, OptionSpec>),
    'no-lease': { type: 'boolean', help: 'same as --lease false' },
    verbose: { type: 'boolean', help: 'log the probe plan and the OS port ranges on stderr' },
    ...OWNER,
    ...FORMAT,
    ...HELP,
    version: { type: 'boolean', short: 'v', help: 'show the version' },
  },
  who: {
    'lease-dir': {
      type: 'string',
      value: 'DIR',
      help: 'also show port-guard leases in DIR (default: the host-wide dir)',
    },
    format: { type: 'string', value: 'text|json', help: 'output format (text)' },
    ...HELP,
  },
  release: {
    'lease-dir': INPUT_OPTIONS['lease-dir']!,
    owner: {
      type: 'string',
      value: 'PID',
      help: "release this process's leases (default: the job's shell)",
    },
    format: { type: 'string', value: 'text|json', help: 'output format (text)' },
    ...HELP,
  },
  exec: {
    ...(INPUT_OPTIONS as Record<string, OptionSpec>),
    'no-lease': { type: 'boolean', help: 'same as --lease false' },
    ready: { type: 'boolean', help: 'print a line once COMMAND listens on every port' },
    'ready-timeout': {
      type: 'string',
      value: 'SECONDS',
      help: 'with --ready: how long to wait before stopping COMMAND (60)',
    },
    'ready-http': {
      type: 'string',
      value: 'PATH',
      help: 'with --ready: a GET there on the first TCP port must answer 2xx/3xx',
    },
    ...HELP,
  },
  wait: {
    timeout: { type: 'string', value: 'SECONDS', help: 'seconds to wait, 0-3600 (60)' },
    pid: {
      type: 'string',
      value: 'PID',
      help: 'the ports must belong to this process or its descendants; fail when it exits',
    },
    http: {
      type: 'string',
      value: 'PATH',
      help: 'a GET there on the first TCP port must answer 2xx or 3xx',
    },
    ...HELP,
  },
};

const SUBCOMMANDS: Record<Exclude<Subcommand, 'guard'>, { args: string; help: string }> = {
  exec: {
    args: '[options] SPEC... -- COMMAND [ARG...]',
    help: 'hand out the ports, run COMMAND with them in its environment, hold the leases while it runs',
  },
  wait: { args: 'PORT[/protocol]...', help: 'wait until servers listen on these ports' },
  who: { args: 'PORT[/protocol]...', help: 'show who holds these ports (and leases on them)' },
  release: { args: '[PORT[/protocol]...]', help: 'release leases taken by this shell session' },
};

function optionLines(table: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(table).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const fallback = INPUT_DEFAULTS[name as InputName];
    const def = fallback !== undefined && fallback !== '' ? ` (${fallback})` : '';
    return [flag, spec.help + def] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`);
}

export const USAGE = [
  'Usage:',
  '  port-guard [options] SPEC...          check the ports and hand out replacements',
  ...Object.entries(SUBCOMMANDS).map(([name, s]) => {
    const use = `port-guard ${name} ${s.args}`;
    return use.length < 38
      ? `  ${use.padEnd(38)}${s.help}`
      : `  ${use}\n  ${''.padEnd(38)}${s.help}`;
  }),
  '',
  'SPEC is [name=]port[/protocol]: 3000, web=3000, dns=5353/udp, api=auto, quic=8443/both',
  '',
  "Options (they mirror the GitHub Action's inputs):",
  ...optionLines(OPTION_TABLES.guard),
  ...Object.keys(SUBCOMMANDS).flatMap((name) => [
    '',
    `Options of ${name}:`,
    ...optionLines(OPTION_TABLES[name as Subcommand]),
  ]),
  '',
  'Exit codes: 0 all ports assigned (wait: ready), 1 conflict, nothing free or not ready,',
  '2 usage or input error, 3 port-guard itself could not work (out of file descriptors, disk',
  "full, a file it must write); exec exits with COMMAND's exit code.",
].join('\n');

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'env', 'github'];

/** The subcommand an argv names: its first word that is neither an option nor its value. */
function subcommandOf(argv: readonly string[]): { kind: Subcommand; args: string[] } {
  const table = OPTION_TABLES.guard;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
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
      typeof values[name] === 'string' ? { [name]: values[name] as string } : {};
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
