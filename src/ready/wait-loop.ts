/**
 * The poll loop: look at every port not yet ready, back off between looks (10 ms growing to
 * 500 ms), and stop at once when the watched process ends, a stranger holds a port, the
 * deadline passes or the signal aborts.
 */
import { abortableSleep } from '../allocate/cancellation.js';
import type { Holder } from '../holders/lookup.js';
import type { ExpectedProcess } from './holder-ownership.js';
import {
  PortWatch,
  type PortReady,
  type PortWaiting,
  type ReadyDeps,
  type ReadyTarget,
} from './port-check.js';
import type { ProcessExit, WatchedProcess } from './watched-process.js';

export const FIRST_DELAY_MS = 10;
export const MAX_DELAY_MS = 500;
const GROWTH = 1.6;

export interface WaitOptions {
  /** 0 looks once. */
  timeoutMs: number;
  /** The process the ports must belong to; its end ends the wait. */
  process?: WatchedProcess;
  /** Its start in the process table's units (for the Docker rule), when known. */
  processStart?: number;
  /** A path whose GET on the first TCP port must answer 2xx or 3xx. */
  http?: string;
  signal?: AbortSignal;
  deps: ReadyDeps;
  /** Called after every round of looks (progress logging). */
  onRound?: (waiting: PortWaiting[], elapsedMs: number) => void;
}

/** A port not ready at the end, with who holds it (for the message). */
export interface PortMissing {
  waiting: PortWaiting;
  holders: Holder[];
}

export type WaitOutcome =
  | { ok: true; ready: PortReady[]; elapsedMs: number }
  | { ok: false; reason: 'timeout'; ready: PortReady[]; missing: PortMissing[]; elapsedMs: number }
  | {
      ok: false;
      reason: 'exited';
      exit: ProcessExit;
      ready: PortReady[];
      missing: PortMissing[];
      elapsedMs: number;
    }
  | {
      ok: false;
      reason: 'stranger';
      target: ReadyTarget;
      holders: Holder[];
      ready: PortReady[];
      elapsedMs: number;
    };

/**
 * Waits until every target is ready; see {@link WaitOutcome} for every way it ends. The probe
 * sockets and their timers are unref()ed; one timer holds the process open while the wait is
 * pending (a process must not quit mid-wait) and is gone once it ends.
 */
export async function waitUntilReady(
  targets: readonly ReadyTarget[],
  options: WaitOptions,
): Promise<WaitOutcome> {
  const keepAlive = setInterval(() => {}, 1 << 30);
  try {
    return await waitLoop(targets, options);
  } finally {
    clearInterval(keepAlive);
  }
}

async function waitLoop(
  targets: readonly ReadyTarget[],
  options: WaitOptions,
): Promise<WaitOutcome> {
  const began = Date.now();
  const elapsed = () => Date.now() - began;
  const expected: ExpectedProcess | undefined = options.process
    ? {
        pid: options.process.pid,
        ...(options.processStart !== undefined ? { start: options.processStart } : {}),
      }
    : undefined;
  const firstTcp = targets.find((t) => t.protocol === 'tcp');
  const watches = targets.map(
    (target) =>
      new PortWatch(target, {
        deps: options.deps,
        ...(expected ? { expected } : {}),
        ...(options.http !== undefined && target === firstTcp ? { httpPath: options.http } : {}),
      }),
  );
  const ready = new Map<PortWatch, PortReady>();
  const readyList = () => watches.flatMap((w) => (ready.has(w) ? [ready.get(w)!] : []));
  let waiting = new Map<PortWatch, PortWaiting>();
  const missing = async (): Promise<PortMissing[]> =>
    Promise.all(
      watches
        .filter((w) => !ready.has(w))
        .map(async (w) => ({
          waiting: waiting.get(w) ?? { why: 'nothing-listens' as const, target: w.target },
          holders: await w.currentHolders().catch(() => []),
        })),
    );

  let delay = FIRST_DELAY_MS;
  for (;;) {
    options.signal?.throwIfAborted();
    const exit = await options.process?.exited();
    if (exit?.code === 0) for (const w of watches) w.ctx.exitedCleanly = true;
    const looks = await Promise.all(
      watches.filter((w) => !ready.has(w)).map(async (w) => [w, await w.look()] as const),
    );
    waiting = new Map();
    for (const [watch, look] of looks) {
      if (look.kind === 'stranger')
        return {
          ok: false,
          reason: 'stranger',
          target: look.target,
          holders: look.holders,
          ready: readyList(),
          elapsedMs: elapsed(),
        };
      if (look.kind === 'ready') ready.set(watch, look.ready);
      else waiting.set(watch, look.waiting);
    }
    if (ready.size === watches.length)
      return { ok: true, ready: readyList(), elapsedMs: elapsed() };
    // The look that followed the exit was its last chance (a `docker compose up -d` that has
    // handed its ports to docker and left).
    if (exit)
      return {
        ok: false,
        reason: 'exited',
        exit,
        ready: readyList(),
        missing: await missing(),
        elapsedMs: elapsed(),
      };
    options.onRound?.([...waiting.values()], elapsed());
    const left = options.timeoutMs - elapsed();
    if (left <= 0)
      return {
        ok: false,
        reason: 'timeout',
        ready: readyList(),
        missing: await missing(),
        elapsedMs: elapsed(),
      };
    // Until the delay passed, the process ended or the signal aborted (then it rejects).
    await abortableSleep(Math.min(delay, left), options.signal, options.process?.ended);
    delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
  }
}
