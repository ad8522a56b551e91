/**
 * One readiness wait as every front runs it: the raw options checked together (each problem
 * naming its input), then the poll loop bound to the process, then the words for the result.
 */
import { InputError, InputErrors } from '../spec/input-error.js';
import type { ProcessIdentity } from '../lease/process-identity.js';
import {
  failureMessages,
  familyWarning,
  readyMessage,
  type ExpectedLabel,
} from '../report/ready-messages.js';
import type { ReadyDeps, ReadyTarget } from './port-check.js';
import { readyDeps, processStart } from './ready-deps.js';
import {
  parseHttpPath,
  parseLivePid,
  parseReadyTargets,
  parseReadyTimeout,
} from './ready-options.js';
import { waitUntilReady, type WaitOutcome } from './wait-loop.js';
import { watchPid, type WatchedProcess } from './watched-process.js';

/** A checked wait. */
export interface WaitRequest {
  targets: ReadyTarget[];
  timeoutSeconds: number;
  /** `--pid`: a running process the ports must belong to. */
  pid?: ProcessIdentity;
  http?: string;
}

/** The raw options, as text (inputs, argv) or values (the library). */
export interface RawWait {
  ports: readonly (string | number)[];
  timeout?: string | number;
  pid?: string | number;
  http?: string;
}

/** The name each option has in the front's own words (`--timeout`, `ready-timeout`, `timeout`). */
export interface WaitInputNames {
  ports: string;
  timeout: string;
  pid: string;
  http: string;
}

/** Checks a wait's options together; throws InputErrors with every problem. */
export async function parseWaitRequest(raw: RawWait, names: WaitInputNames): Promise<WaitRequest> {
  const errors: InputError[] = [];
  const attempt = async <T>(fn: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof InputError) {
        errors.push(err);
        return undefined;
      }
      throw err;
    }
  };
  const targets = await attempt(() => parseReadyTargets(raw.ports, names.ports));
  const timeoutSeconds = await attempt(() => parseReadyTimeout(raw.timeout, names.timeout));
  const http = await attempt(() => parseHttpPath(raw.http, names.http));
  const pid = await attempt(() => parseLivePid(raw.pid, names.pid));
  if (http !== undefined && targets && !targets.some((t) => t.protocol === 'tcp'))
    errors.push(
      new InputError(
        names.http,
        `${names.http}: needs a TCP port to send the GET to; every port given is UDP`,
      ),
    );
  if (errors.length > 0) throw new InputErrors(errors);
  return {
    targets: targets!,
    timeoutSeconds: timeoutSeconds!,
    ...(pid ? { pid } : {}),
    ...(http !== undefined ? { http } : {}),
  };
}

export interface RunWaitOptions {
  signal?: AbortSignal;
  /** The process to bind to when the front started it (else the request's pid, if any). */
  process?: WatchedProcess;
  /** How failures name that process (`the server`, `COMMAND`). */
  role?: string;
  deps?: ReadyDeps;
  onRound?: Parameters<typeof waitUntilReady>[1]['onRound'];
}

/** A finished wait, in words. */
export interface WaitReport {
  outcome: WaitOutcome;
  /** One line per ready port. */
  ready: string[];
  /** The one-family warnings. */
  warnings: string[];
  /** Why it is not ready ([] when it is). */
  errors: string[];
}

/** Runs a checked wait to its end. Rejects only when the signal aborts. */
export async function runWait(
  request: WaitRequest,
  options: RunWaitOptions = {},
): Promise<WaitReport> {
  const watched =
    options.process ?? (request.pid ? watchPid(request.pid.pid, request.pid.start) : undefined);
  const start = watched ? await processStart(watched.pid) : undefined;
  const outcome = await waitUntilReady(request.targets, {
    timeoutMs: request.timeoutSeconds * 1000,
    deps: options.deps ?? readyDeps(),
    ...(watched ? { process: watched } : {}),
    ...(start !== undefined ? { processStart: start } : {}),
    ...(request.http !== undefined ? { http: request.http } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRound ? { onRound: options.onRound } : {}),
  });
  const label: ExpectedLabel | undefined = watched
    ? { pid: watched.pid, ...(options.role ? { role: options.role } : {}) }
    : undefined;
  return {
    outcome,
    ready: outcome.ready.map(readyMessage),
    warnings: outcome.ready.flatMap((r) => familyWarning(r) ?? []),
    errors: failureMessages(outcome, request.timeoutSeconds, label),
  };
}
