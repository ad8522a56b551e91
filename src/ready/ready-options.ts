/**
 * The readiness options every front shares, checked before anything is started or leased:
 * the timeout, the HTTP path, the pid to bind to, the ports to wait for and the shell of `run`.
 * Each problem is an InputError naming the input (`--timeout`, `ready-timeout`, …).
 */
import { accessSync, constants as fsConstants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { parseSeconds } from '../spec/config.js';
import { InputError } from '../spec/input-error.js';
import { shorten } from '../holders/command-line.js';
import { printable } from '../report/messages.js';
import { processIdentity, type ProcessIdentity } from '../lease/process-identity.js';
import { parsePortSpecs, protocolsOf, splitList, type PortSpec } from '../spec/port-spec.js';
import { windowsSystemTool } from '../system/find-tool.js';
import type { ReadyTarget } from './port-check.js';

/** The longest wait any front accepts, in seconds (an hour, like `wait`). */
export const MAX_READY_SECONDS = 3600;
export const DEFAULT_READY_SECONDS = 60;

/** A timeout in seconds (0 to an hour); numbers (the library) and text (inputs) alike. */
export function parseReadyTimeout(raw: string | number | undefined, input: string): number {
  if (raw === undefined || raw === '') return DEFAULT_READY_SECONDS;
  return parseSeconds(String(raw).trim(), input, 0, MAX_READY_SECONDS);
}

/** An HTTP path: starts with `/`, printable ASCII without spaces, at most 2048 characters. */
export function parseHttpPath(raw: string | undefined, input: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const expected = 'expected a path starting with "/", e.g. "/health"';
  if (!raw.startsWith('/') || raw.startsWith('//'))
    throw new InputError(
      input,
      `${input}: "${printableToken(raw)}" is not a path; ${expected} (the host is always this machine's loopback address)`,
    );
  if (!/^[\x21-\x7e]+$/.test(raw))
    throw new InputError(
      input,
      `${input}: "${printableToken(raw)}" contains spaces or control characters; ${expected}`,
    );
  if (raw.length > 2048)
    throw new InputError(input, `${input}: ${raw.length} characters; at most 2048`);
  return raw;
}

function printableToken(text: string): string {
  return shorten(printable(text), 80);
}

/** A pid that names a running process (checked now: a wait bound to a dead pid is a mistake). */
export async function parseLivePid(
  raw: string | number | undefined,
  input: string,
): Promise<ProcessIdentity | undefined> {
  if (raw === undefined || raw === '') return undefined;
  const text = String(raw).trim();
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new InputError(
      input,
      `${input}: "${printableToken(text)}" is not a process id; expected a whole number such as $! in a shell`,
    );
  const identity = await processIdentity(Number(text));
  if (!identity)
    throw new InputError(
      input,
      `${input}: no process ${text} is running; start the server first and pass its pid (e.g. $!)`,
    );
  return identity;
}

/**
 * The ports to wait for: numbers or specs (`3000`, `web=3000`, `5353/udp`, `quic=8443/both`);
 * `auto` means nothing here. A `both` spec waits for TCP and UDP.
 */
export function parseReadyTargets(
  specs: readonly (string | number)[],
  input: string,
): ReadyTarget[] {
  // Each token on its own: `3000 3000/udp` waits for both, though as port specs the two would
  // share the default name `port-3000`.
  const tokens = splitList(specs.map(String).join(' '));
  if (tokens.length === 0) parsePortSpecs('', 'tcp', input);
  const problems: string[] = [];
  const parsed: PortSpec[] = [];
  for (const token of tokens) {
    try {
      parsed.push(...parsePortSpecs(token, 'tcp', input));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  for (const s of parsed)
    if (s.port === 'auto')
      problems.push(
        `${input}: "${s.token}" asks for any free port; waiting needs the port number itself`,
      );
  if (problems.length > 0) throw new InputError(input, problems);
  const targets: ReadyTarget[] = [];
  for (const s of parsed)
    for (const protocol of protocolsOf(s.protocol))
      if (!targets.some((t) => t.port === s.port && t.protocol === protocol))
        targets.push({
          ...(/^port-\d+$/.test(s.name) ? {} : { name: s.name }),
          port: s.port as number,
          protocol,
        });
  return targets;
}

/** The shells `run` may use. */
export type ShellName = 'bash' | 'sh' | 'pwsh' | 'cmd';
const SHELLS: readonly ShellName[] = ['bash', 'sh', 'pwsh', 'cmd'];

/** A shell found by absolute path, with how it runs a command. */
export interface Shell {
  name: ShellName;
  path: string;
}

/**
 * Looks a program up on PATH, skipping relative entries (on Windows the current directory, the
 * checked-out workspace, would otherwise come first).
 */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const sep = platform === 'win32' ? ';' : delimiter;
  const exts = platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      try {
        accessSync(candidate, platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
        return candidate;
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

/** The shell's name: one of {@link SHELLS}, empty for the platform's default (bash; pwsh on Windows). */
export function parseShellName(
  raw: string | undefined,
  input: string,
  platform: NodeJS.Platform = process.platform,
): ShellName {
  const name = (
    raw === undefined || raw === '' ? (platform === 'win32' ? 'pwsh' : 'bash') : raw
  ) as ShellName;
  if (!SHELLS.includes(name))
    throw new InputError(
      input,
      `${input}: "${printableToken(name)}" is not one of ${SHELLS.join(', ')}`,
    );
  if (name === 'cmd' && platform !== 'win32')
    throw new InputError(input, `${input}: cmd exists only on Windows; use bash or sh here`);
  return name;
}

/** The shell to run a command with, found by absolute path. */
export function parseShell(
  raw: string | undefined,
  input: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Shell {
  const name = parseShellName(raw, input, platform);
  if (name === 'cmd') return { name, path: windowsSystemTool('cmd', env) };
  const path = findOnPath(name, env, platform);
  if (path === undefined)
    throw new InputError(
      input,
      `${input}: ${name} was not found on PATH; install it or choose another of ${SHELLS.join(', ')}`,
    );
  return { name, path };
}

/** How a shell runs one command line: the arguments after its path. */
export function shellArgs(shell: ShellName, command: string): string[] {
  switch (shell) {
    case 'bash':
      // As GitHub runs `shell: bash`: no profile, stop at the first failing command.
      return ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
    case 'sh':
      return ['-e', '-c', command];
    case 'pwsh':
      return ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command];
    case 'cmd':
      return ['/D', '/E:ON', '/V:OFF', '/S', '/C', `"${command}"`];
  }
}
