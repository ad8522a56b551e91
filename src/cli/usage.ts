/**
 * What the command line says about itself: one option table per subcommand, the usage text
 * derived from those tables and the engine's input defaults (so it cannot drift from what is
 * accepted), and the version.
 */
import { INPUT_DEFAULTS, type InputName } from '../spec/config.js';
import type { Subcommand } from './options.js';

/** Kept equal to package.json's version (a test checks it), so the bundle needs no JSON import. */
export const VERSION = '1.0.0';

export interface OptionSpec {
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

export const SUBCOMMANDS: Record<Exclude<Subcommand, 'guard'>, { args: string; help: string }> = {
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
