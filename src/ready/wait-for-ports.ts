/**
 * The library's `waitForPorts`: resolves once every port is ready (TCP: listening, and a
 * connection succeeds on the loopback of each family it listens on; UDP: bound), rejects with
 * a NotReadyError naming what is missing, or with the signal's reason when it aborts.
 *
 *     await waitForPorts([3000, 'dns=5353/udp'], { timeout: 30, pid: server.pid, http: '/health' });
 */
import type { AddressFamily } from '../probe/probe-plan.js';
import type { Holder } from '../holders/lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import { familyWarning } from '../report/ready-messages.js';
import { LOOPBACK } from './loopback-connect.js';
import type { WaitOutcome } from './wait-loop.js';
import { parseWaitRequest, runWait } from './wait-request.js';

export interface WaitForPortsOptions {
  /** Seconds to wait, 0 to 3600 (default 60); 0 looks once. */
  timeout?: number;
  /** The ports must belong to this process or one of its descendants; its exit ends the wait. */
  pid?: number;
  /** A path (e.g. `/health`) whose GET on the first TCP port must answer 2xx or 3xx. */
  http?: string;
  /** Aborts the wait: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** One port that is ready. */
export interface ReadyPort {
  name?: string;
  port: number;
  protocol: Protocol;
  /** TCP: the loopback addresses that accepted a connection (`127.0.0.1`, `::1`). */
  accepts: string[];
  holders: Holder[];
  httpStatus?: number;
  /** Set when only one family accepts connections. */
  warning?: string;
}

export interface WaitForPortsResult {
  ports: ReadyPort[];
  /** The family warnings, also on each port. */
  warnings: string[];
  elapsedMs: number;
}

/** The wait ended without every port ready; `message` says what was missing, line by line. */
export class NotReadyError extends Error {
  readonly reason: 'timeout' | 'exited' | 'stranger';
  readonly outcome: WaitOutcome;

  constructor(lines: string[], outcome: Exclude<WaitOutcome, { ok: true }>) {
    super(lines.join('\n'));
    this.name = 'NotReadyError';
    this.reason = outcome.reason;
    this.outcome = outcome;
  }
}

const addressOf = (f: AddressFamily) => LOOPBACK[f];

/** Waits until servers listen on `ports` (numbers or specs `[name=]port[/protocol]`). */
export async function waitForPorts(
  ports: number | string | readonly (number | string)[],
  options: WaitForPortsOptions = {},
): Promise<WaitForPortsResult> {
  const list = Array.isArray(ports) ? ports : [ports as number | string];
  const request = await parseWaitRequest(
    {
      ports: list,
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.pid !== undefined ? { pid: options.pid } : {}),
      ...(options.http !== undefined ? { http: options.http } : {}),
    },
    { ports: 'ports', timeout: 'timeout', pid: 'pid', http: 'http' },
  );
  options.signal?.throwIfAborted();
  const report = await runWait(request, options.signal ? { signal: options.signal } : {});
  const { outcome } = report;
  if (!outcome.ok) throw new NotReadyError(report.errors, outcome);
  const ready = outcome.ready.map((r) => {
    const port: ReadyPort = {
      ...(r.target.name !== undefined ? { name: r.target.name } : {}),
      port: r.target.port,
      protocol: r.target.protocol,
      accepts: r.accepts.map(addressOf),
      holders: r.holders,
    };
    if (r.httpStatus !== undefined) port.httpStatus = r.httpStatus;
    const warning = familyWarning(r);
    if (warning !== undefined) port.warning = warning;
    return port;
  });
  return { ports: ready, warnings: report.warnings, elapsedMs: outcome.elapsedMs };
}
