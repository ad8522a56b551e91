/**
 * `port-guard wait [--timeout S] [--pid PID] [--http PATH] PORT[/protocol]...`: exit 0 once
 * every port is ready, 1 when it is not (at the timeout, or at once when --pid's process exits
 * or a stranger holds a port), 2 for bad input. Ready lines go to stdout, the rest to stderr.
 */
import type { CliCommand } from './options.js';
import { EXIT_CONFLICT, EXIT_OK, type Terminal } from './terminal.js';
import { withSignalCancellation } from '../allocate/cancellation.js';
import { missingMessages } from '../report/ready-messages.js';
import { parseWaitRequest, runWait } from '../ready/wait-request.js';

/** How often a long wait says what it is still waiting for. */
const PROGRESS_EVERY_MS = 10_000;

export async function waitCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'wait' }>,
): Promise<number> {
  const request = await parseWaitRequest(command, {
    ports: 'PORT',
    timeout: '--timeout',
    pid: '--pid',
    http: '--http',
  });
  let nextProgress = PROGRESS_EVERY_MS;
  const report = await withSignalCancellation((signal) =>
    runWait(request, {
      signal,
      onRound: (waiting, elapsedMs) => {
        if (elapsedMs < nextProgress) return;
        nextProgress += PROGRESS_EVERY_MS;
        const lines = missingMessages(waiting.map((w) => ({ waiting: w, holders: [] })));
        for (const line of lines)
          term.stderr(`port-guard: still waiting (${Math.round(elapsedMs / 1000)} s): ${line}\n`);
      },
    }),
  );
  for (const line of report.ready) term.stdout(`${line}\n`);
  for (const line of report.warnings) term.stderr(`warning: ${line}\n`);
  for (const line of report.errors) term.stderr(`port-guard: ${line}\n`);
  return report.outcome.ok ? EXIT_OK : EXIT_CONFLICT;
}
