import { parseArgs } from 'node:util';
import { INPUT_DEFAULTS, type InputName, type RawOptions } from './config.js';
import { InputError } from './input-error.js';

export type OutputFormat = 'text' | 'json' | 'env' | 'github';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'guard'; options: RawOptions; format: OutputFormat }
  | { kind: 'who'; targets: string[]; format: OutputFormat }
  | { kind: 'release'; ports: string[]; leaseDir: string };

/** A command line that cannot be understood at all (exit code 2). */
export class UsageError extends InputError {}

export const USAGE = `Usage:
  port-guard [options] SPEC...          check the ports and hand out replacements
  port-guard who PORT[/protocol]...     show who holds these ports
  port-guard release [PORT...]          release leases taken by this shell session

SPEC is [name=]port[/protocol]: 3000, web=3000, dns=5353/udp, api=auto, quic=8443/both

Options (they mirror the GitHub Action's inputs):
  --protocol tcp|udp|both        default protocol for specs without one (tcp)
  --on-conflict fail|fallback|warn   what to do when a port is busy (fail)
  --fallback-range LO-HI[,...]   where fallback and auto ports come from (49152-65535)
  --fallback-strategy random|sequential   (random)
  --exclude PORTS                ports and ranges never handed out, e.g. 5432,8000-8100
  --hosts all|ADDR,...           addresses a port must be free on (all)
  --wait SECONDS                 wait for busy ports to become free first (0)
  --seed TEXT                    deterministic random order
  --export-env true|false        with --format github: also write GITHUB_ENV (false)
  --lease true|false, --no-lease take host-wide leases on the ports (true)
  --lease-dir DIR                where leases live (<tmp>/port-guard)
  --lease-ttl SECONDS            lease lifetime (21600)
  --summary true|false           with --format github: write the job summary (true)
  --format text|json|env|github  output format (text)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 all ports assigned, 1 conflict or nothing free, 2 usage or input error.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'env', 'github'];

/** Parses argv (without node and the script) into one command; throws UsageError. */
export function parseCliArgs(argv: string[]): CliCommand {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
    format: { type: 'string' },
    'no-lease': { type: 'boolean' },
  };
  for (const name of Object.keys(INPUT_DEFAULTS))
    if (name !== 'ports') options[name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // node's messages span lines; every problem is one `port-guard:` line on stderr.
    const message = (err as Error).message.replace(/\s*\n\s*/g, ' ');
    throw new UsageError('command line', `${message}; see port-guard --help`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const format = (values.format as string | undefined) ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError('--format', `--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  }
  const [first, ...rest] = parsed.positionals;
  if (first === 'who') {
    if (rest.length === 0)
      throw new UsageError('who', 'who: name at least one port, e.g. port-guard who 5432 5353/udp');
    return { kind: 'who', targets: rest, format: format as OutputFormat };
  }
  if (first === 'release') {
    return {
      kind: 'release',
      ports: rest,
      leaseDir: (values['lease-dir'] as string | undefined) ?? '',
    };
  }
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
  return { kind: 'guard', options: raw, format: format as OutputFormat };
}
