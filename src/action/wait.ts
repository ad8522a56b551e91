/**
 * The `wait/` action (`uses: <owner>/port-guard/wait@v1`): waits for servers a workflow
 * started in its own `run:` step, with the semantics and messages of `port-guard wait`.
 */
import { runnerIO, type RunnerIO } from './runner-io.js';
import { withSignalCancellation } from '../allocate/cancellation.js';
import { failStep } from './step-failure.js';
import { splitList } from '../spec/port-spec.js';
import { parseWaitRequest, runWait } from '../ready/wait-request.js';

export async function run(io: RunnerIO = runnerIO): Promise<void> {
  try {
    const request = await parseWaitRequest(
      {
        ports: splitList(io.getInput('ports')),
        timeout: io.getInput('timeout'),
        http: io.getInput('http'),
      },
      { ports: 'ports', timeout: 'timeout', pid: 'pid', http: 'http' },
    );
    const report = await withSignalCancellation((signal) => runWait(request, { signal }));
    for (const line of report.warnings) io.annotate('warning', line);
    for (const line of report.ready) io.info(line);
    if (!report.outcome.ok) {
      io.annotate('error', report.errors.join('\n'), 'port-guard: not ready');
      io.setExitCode(1);
    }
  } catch (err) {
    failStep(io, err);
  }
}
