/**
 * The action's `run`, `ready-timeout`, `ready-http` and `shell` inputs as one checked plan,
 * made before any port is leased or anything started.
 */
import { InputError, InputErrors } from '../spec/input-error.js';
import { protocolsOf, type PortSpec } from '../spec/port-spec.js';
import {
  parseHttpPath,
  parseReadyTimeout,
  parseShell,
  parseShellName,
  type Shell,
} from './ready-options.js';

/** The server to start once the ports are assigned, and how long to wait for it. */
export interface ServerPlan {
  command: string;
  shell: Shell;
  /** 0: start it without waiting. */
  timeoutSeconds: number;
  http?: string;
}

export interface ServerInputs {
  run: string;
  'ready-timeout': string;
  'ready-http': string;
  shell: string;
}

/** The inputs' defaults, as action.yml has them. */
export const SERVER_INPUT_DEFAULTS: ServerInputs = {
  run: '',
  'ready-timeout': '60',
  'ready-http': '',
  shell: '',
};

/**
 * Checks the server inputs (every problem at once, each naming its input). Undefined when
 * `run` is empty; the other inputs are still checked, so a typo never passes silently.
 * `specs` (when the ports parsed) lets `ready-http` refuse a run with only UDP ports.
 */
export function parseServerPlan(
  raw: Partial<ServerInputs>,
  specs: readonly PortSpec[] | undefined,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): ServerPlan | undefined {
  const get = (name: keyof ServerInputs) => raw[name]?.trim() || SERVER_INPUT_DEFAULTS[name];
  const errors: InputError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(err);
      return undefined;
    }
  };
  const command = raw.run?.trim() ?? '';
  const timeoutSeconds = attempt(() => parseReadyTimeout(get('ready-timeout'), 'ready-timeout'));
  const http = attempt(() => parseHttpPath(get('ready-http'), 'ready-http'));
  // The shell is looked for only when there is something to run with it.
  const shell =
    command === '' ? undefined : attempt(() => parseShell(get('shell'), 'shell', platform, env));
  if (command === '') attempt(() => parseShellName(raw.shell?.trim(), 'shell', platform));
  if (
    command !== '' &&
    http !== undefined &&
    specs &&
    !specs.some((s) => protocolsOf(s.protocol).includes('tcp'))
  )
    errors.push(
      new InputError(
        'ready-http',
        'ready-http: needs a TCP port to send the GET to; every port in ports is UDP',
      ),
    );
  if (errors.length > 0) throw new InputErrors(errors);
  if (command === '') return undefined;
  return {
    command,
    shell: shell!,
    timeoutSeconds: timeoutSeconds!,
    ...(http !== undefined ? { http } : {}),
  };
}
