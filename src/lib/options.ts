/**
 * The library's options into the engine's raw inputs: camelCase names and JS values in, the
 * action's input strings out, so one validator (parseConfig) judges all three fronts. Errors
 * come back under the library's own names: one InputError per bad token, naming the option.
 */
import {
  INPUT_DEFAULTS,
  parseConfig,
  type Config,
  type InputName,
  type RawOptions,
} from '../spec/config.js';
import { InputError, InputErrors } from '../spec/input-error.js';

/** The library's option name for every input it mirrors. */
export const OPTION_INPUTS = {
  protocol: 'protocol',
  onConflict: 'on-conflict',
  fallbackRange: 'fallback-range',
  fallbackStrategy: 'fallback-strategy',
  exclude: 'exclude',
  hosts: 'hosts',
  wait: 'wait',
  seed: 'seed',
  lease: 'lease',
  leaseDir: 'lease-dir',
  leaseTtl: 'lease-ttl',
} as const satisfies Record<string, InputName>;

/**
 * Inputs of the action the library deliberately has no option for, and why: a test checks that
 * every input of action.yml is either mirrored (OPTION_INPUTS) or listed here.
 */
export const INPUTS_NOT_MIRRORED: Readonly<Record<string, string>> = {
  ports: "the specs are guardPorts' first argument",
  'export-env': "a step's environment for later steps: the caller sets process.env itself",
  summary: 'a job summary belongs to a workflow step',
  run: 'a server the caller starts itself; it waits for it with waitForPorts',
  'ready-timeout': "waitForPorts' timeout",
  'ready-http': "waitForPorts' http",
  shell: 'the caller starts its server itself',
};

/** Options that are not inputs of the action. */
export const OWN_OPTIONS = ['owner', 'signal'] as const;

const OPTION_OF_INPUT = new Map<string, string>([
  ['ports', 'ports'],
  ['who', 'ports'],
  ...Object.entries(OPTION_INPUTS).map(([option, input]) => [input, option] as [string, string]),
]);

/** Edits (insert, delete, substitute) between two names, case and `-`/`_` ignored. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase().replace(/[-_]/g, '');
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}

/** The option a misspelt name most likely meant (at most 2 edits away), if any. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(name, k);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`;
}

/** An input's error under the library's names: `on-conflict: …` becomes `onConflict: …`. */
function renamed(error: InputError): InputError[] {
  const option = OPTION_OF_INPUT.get(error.input) ?? error.input;
  return error.problems.map(
    (problem) =>
      new InputError(
        option,
        problem.startsWith(`${error.input}:`)
          ? `${option}:${problem.slice(error.input.length + 1)}`
          : problem,
      ),
  );
}

/** Runs `fn`; an InputError or InputErrors it throws comes out renamed, one per bad token. */
export async function underOptionNames<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InputErrors) throw new InputErrors(err.errors.flatMap(renamed));
    if (err instanceof InputError) throw new InputErrors(renamed(err));
    throw err;
  }
}

function list(
  option: string,
  value: unknown,
  item: (v: unknown) => boolean,
  expected: string,
): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every(item)) return value.map(String).join(', ');
  throw new InputError(option, `${option}: expected ${expected}, got ${describe(value)}`);
}

const isPortItem = (v: unknown) => typeof v === 'string' || Number.isInteger(v);

/** Spec strings (a list in one string, or an array of specs and port numbers) into `ports`. */
export function specsInput(specs: unknown): string {
  return list(
    'ports',
    specs,
    isPortItem,
    'port specs, e.g. "web=3000, api=auto" or ["web=3000", 5432]',
  );
}

export interface LibraryInputs {
  raw: RawOptions;
  owner: number | undefined;
  signal: AbortSignal | undefined;
  /** Options of the wrong name or type; their inputs are left out of `raw`. */
  errors: InputError[];
}

/**
 * Checks the options' names and types and turns them into the action's raw inputs. Every
 * problem is reported at once; the values themselves are judged by parseConfig.
 */
export function libraryInputs(specs: unknown, options: unknown): LibraryInputs {
  const errors: InputError[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof InputError) errors.push(err);
      else throw err;
    }
  };
  const raw: RawOptions = { 'export-env': 'false', summary: 'false' };
  attempt(() => {
    raw.ports = specsInput(specs);
  });
  let owner: number | undefined;
  let signal: AbortSignal | undefined;
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new InputErrors([
      new InputError('options', `options: expected an object, got ${describe(options)}`),
    ]);
  }
  const given = (options ?? {}) as Record<string, unknown>;
  const known = [...Object.keys(OPTION_INPUTS), ...OWN_OPTIONS];
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!known.includes(name)) {
      const near = nearestName(name, known);
      errors.push(
        new InputError(
          name,
          `${name}: not an option of port-guard${near ? `; did you mean ${near}?` : ''} (options: ${known.join(', ')})`,
        ),
      );
      continue;
    }
    attempt(() => {
      switch (name) {
        case 'owner':
          if (!Number.isInteger(value) || (value as number) < 1)
            throw new InputError(name, `${name}: expected a process id, got ${describe(value)}`);
          owner = value as number;
          return;
        case 'signal':
          if (!(value instanceof AbortSignal))
            throw new InputError(name, `${name}: expected an AbortSignal, got ${describe(value)}`);
          signal = value;
          return;
        case 'fallbackRange':
        case 'exclude':
          raw[OPTION_INPUTS[name]] = list(
            name,
            value,
            isPortItem,
            'ranges as a string ("8000-8100, 9000") or an array of ranges and ports',
          );
          return;
        case 'hosts':
          raw.hosts = list(
            name,
            value,
            (v) => typeof v === 'string',
            '"all" or literal IP addresses of this host',
          );
          return;
        case 'wait':
        case 'leaseTtl':
          if (typeof value !== 'number' || !Number.isFinite(value))
            throw new InputError(
              name,
              `${name}: expected a number of seconds, got ${describe(value)}`,
            );
          raw[OPTION_INPUTS[name]] = String(value);
          return;
        case 'lease':
          if (typeof value !== 'boolean')
            throw new InputError(name, `${name}: expected true or false, got ${describe(value)}`);
          raw.lease = String(value);
          return;
        default: {
          // protocol, onConflict, fallbackStrategy, seed, leaseDir: strings.
          if (typeof value !== 'string')
            throw new InputError(name, `${name}: expected a string, got ${describe(value)}`);
          const input = OPTION_INPUTS[name as keyof typeof OPTION_INPUTS];
          // An empty string means "the default" to the action; here it is an explicit value.
          if (value.trim() === '' && INPUT_DEFAULTS[input] !== '')
            throw new InputError(name, `${name}: empty; leave it out for the default`);
          raw[input] = value;
        }
      }
    });
  }
  return { raw, owner, signal, errors };
}

/**
 * The options as one validated Config, or InputErrors naming every bad option and token at
 * once: wrong names and types found here, wrong values found by parseConfig.
 */
export function libraryConfig(
  specs: unknown,
  options: unknown,
): LibraryInputs & { config: Config } {
  const inputs = libraryInputs(specs, options);
  const errors = [...inputs.errors];
  let config: Config | undefined;
  try {
    config = parseConfig(inputs.raw);
  } catch (err) {
    if (!(err instanceof InputErrors)) throw err;
    // An option already refused for its type is not reported again for its absence.
    const refused = new Set(errors.map((e) => e.input));
    errors.push(...err.errors.filter((e) => !refused.has(OPTION_OF_INPUT.get(e.input) ?? e.input)));
  }
  if (errors.length > 0 || !config) throw new InputErrors(errors.flatMap(renamed));
  return { ...inputs, config };
}
