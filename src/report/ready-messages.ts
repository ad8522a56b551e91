/**
 * Readiness results into words, for every front: one line per ready port, the one-family
 * warning, and the failures (timeout, the process ended, a stranger on the port). No I/O.
 */
import { describeHolders } from '../holders/describe-holder.js';
import type { AddressFamily } from '../probe/probe-plan.js';
import type { Holder } from '../holders/lookup.js';
import { LOOPBACK } from '../ready/loopback-connect.js';
import type { PortReady, PortWaiting, ReadyTarget } from '../ready/port-check.js';
import type { PortMissing, WaitOutcome } from '../ready/wait-loop.js';
import type { ProcessExit } from '../ready/watched-process.js';

/** `web: port 3000/tcp`, or `port 3000/tcp` for an unnamed port. */
export function portLabel(t: ReadyTarget): string {
  return `${t.name !== undefined ? `${t.name}: ` : ''}port ${t.port}/${t.protocol}`;
}

const listFamilies = (families: readonly AddressFamily[]) =>
  families.map((f) => LOOPBACK[f]).join(' and ');

/** `web: port 3000/tcp is ready: accepts connections on 127.0.0.1 and ::1; pid 42 `node s.js``. */
export function readyMessage(r: PortReady): string {
  const how =
    r.target.protocol === 'udp' ? 'bound' : `accepts connections on ${listFamilies(r.accepts)}`;
  const http = r.httpStatus !== undefined ? `, GET answered ${r.httpStatus}` : '';
  const who = r.holders.length > 0 ? `; ${describeHolders(r.holders)}` : '';
  return `${portLabel(r.target)} is ready: ${how}${http}${who}`;
}

/**
 * The warning for a TCP port only one family accepts: `web: port 3000/tcp listens on ::1 only:
 * clients that dial 127.0.0.1 will fail`. Undefined when both do (or the host has one).
 */
export function familyWarning(r: PortReady): string | undefined {
  const only = r.oneFamilyOnly;
  if (only === undefined) return undefined;
  const other: AddressFamily = only === 4 ? 6 : 4;
  const addresses = [...new Set(r.holders.flatMap((h) => h.addresses))];
  const where =
    addresses.length === 1 && addresses[0] === LOOPBACK[only]
      ? `listens on ${LOOPBACK[only]} only`
      : addresses.length === 0
        ? `accepts connections on ${LOOPBACK[only]} only`
        : `accepts connections on IPv${only} only (listens on ${addresses.join(', ')})`;
  const hint =
    other === 6
      ? ' (e.g. `localhost` on Node 17+ and in most browsers)'
      : ' (e.g. tools that resolve `localhost` to IPv4)';
  return `${portLabel(r.target)} ${where}: clients that dial ${LOOPBACK[other]}${hint} will fail`;
}

/** How a process ended, in words. */
export function exitText(exit: ProcessExit): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  if (exit.code !== null) return `exited with code ${exit.code}`;
  return 'exited (its exit code is known only to its parent)';
}

function waitingText(w: PortWaiting, holders: readonly Holder[]): string {
  const listening = holders.filter((h) => h.state === 'listen' || h.protocol === 'udp');
  switch (w.why) {
    case 'nothing-listens':
      if (listening.length > 0)
        return `${describeHolders(listening)} holds it, but no connection to ${w.target.protocol === 'udp' ? 'it' : '127.0.0.1 or ::1'} succeeds`;
      return w.target.protocol === 'udp' ? 'no socket is bound to it' : 'nothing listens on it';
    case 'family-refused':
      return `${describeHolders(w.holders)} listens, but ${listFamilies(w.refused)} refuses connections (accepted on ${listFamilies(w.accepts)})`;
    case 'holder-unseen':
      return "something answers, but port-guard cannot see which process holds it (another user's process? it needs root to be seen)";
    case 'http':
      return 'status' in w.answer
        ? `it listens, but GET answered ${w.answer.status} (2xx or 3xx needed)`
        : `it listens, but GET failed: ${w.answer.error}`;
  }
}

/** One line per port still missing. */
export function missingMessages(missing: readonly PortMissing[]): string[] {
  return missing.map(
    (m) => `${portLabel(m.waiting.target)} is not ready: ${waitingText(m.waiting, m.holders)}`,
  );
}

/** What describes the expected process in failures: `pid 42` or `the server (pid 42)`. */
export interface ExpectedLabel {
  pid: number;
  /** e.g. `the server`, `COMMAND`; `pid N` alone when absent. */
  role?: string;
}

const expectedText = (e: ExpectedLabel) => (e.role ? `${e.role} (pid ${e.pid})` : `pid ${e.pid}`);

/** The error lines for a wait that did not end ready; [] for one that did. */
export function failureMessages(
  outcome: WaitOutcome,
  timeoutSeconds: number,
  expected?: ExpectedLabel,
): string[] {
  if (outcome.ok) return [];
  switch (outcome.reason) {
    case 'stranger':
      return [
        `${portLabel(outcome.target)} is held by ${describeHolders(outcome.holders)}, which is not ${expected ? `${expectedText(expected)} or one of its descendants` : 'the expected process'}; stop it or use another port`,
      ];
    case 'exited':
      return [
        `${expected ? expectedText(expected) : 'the process'} ${exitText(outcome.exit)} before every port was ready`,
        ...missingMessages(outcome.missing),
      ];
    case 'timeout':
      return [`not ready after ${timeoutSeconds} s`, ...missingMessages(outcome.missing)];
  }
}
