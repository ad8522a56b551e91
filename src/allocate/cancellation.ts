import { constants } from 'node:os';

/**
 * The run was stopped by a signal (a cancelled CI step: the runner sends SIGINT, then SIGTERM).
 * The allocator returns every lease it took before this error leaves it.
 */
export class CancelledError extends Error {
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals) {
    super(`cancelled by ${signal}`);
    this.name = 'CancelledError';
    this.signal = signal;
  }

  /** The shell convention: 128 + the signal number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
  get exitCode(): number {
    return 128 + (constants.signals[this.signal] ?? 15);
  }
}

/**
 * Lets a pending signal in, then throws if the run was cancelled. Needed because a hand-out can
 * run for seconds without the event loop ever polling: lease files are written synchronously
 * and a probe's bind and 'listening' need no poll either, so a signal's handler would only run
 * once the run is over, when its ports are already published.
 */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  if (!signal) return;
  await new Promise((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

/**
 * Sleeps `ms`, or less when `until` settles first (a watched process ended), or rejects with
 * the signal's reason as soon as it is aborted.
 */
export function abortableSleep(
  ms: number,
  signal?: AbortSignal,
  until?: Promise<unknown>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    void until?.then(finish);
  });
}

/** The signals that cancel a run: a cancelled CI step (SIGINT, SIGTERM), a closed terminal. */
const CANCELLING: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an aborted signal while `fn` runs, so the run ends through its
 * normal cleanup (leases returned, sockets closed) instead of dying mid-way. Later signals are
 * absorbed until `fn` settles: the runner's SIGTERM must not cut short the cleanup its SIGINT
 * started.
 */
export async function withSignalCancellation<T>(
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(new CancelledError(signal));
  };
  for (const signal of CANCELLING) process.on(signal, onSignal);
  try {
    const result = await fn(controller.signal);
    // A signal during the last moments of a successful run still cancels it.
    controller.signal.throwIfAborted();
    return result;
  } finally {
    for (const signal of CANCELLING) process.off(signal, onSignal);
  }
}
