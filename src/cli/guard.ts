/** `port-guard [options] SPEC...`: check the ports, hand out replacements, print the result. */
import type { CliCommand } from './options.js';
import { UsageError } from './options.js';
import { EXIT_CONFLICT, EXIT_OK, type Terminal } from './terminal.js';
import type { AllocationResult } from '../allocate/allocate.js';
import { runGuard } from '../allocate/guard.js';
import { cliLeaseOwnerPid } from '../lease/lease-owner.js';
import { annotationsFor, printable, waitingMessage } from '../report/messages.js';
import { summaryMarkdown } from '../report/markdown.js';
import { conflictsJson, envPairs, portOutputs, publishedOutputs } from '../report/outputs.js';
import { textTable } from '../report/text-table.js';
import { parseConfig } from '../spec/config.js';

async function writeGithub(
  term: Terminal,
  result: AllocationResult,
  exportEnv: boolean,
  summary: boolean,
): Promise<void> {
  if (!term.env.GITHUB_OUTPUT)
    throw new UsageError(
      '--format',
      '--format github: GITHUB_OUTPUT is not set (this format is for GitHub Actions steps)',
    );
  // The runner protocol is loaded only for this format.
  const { runnerIO: io } = await import('../action/runner-io.js');
  for (const [name, value] of Object.entries(publishedOutputs(result))) io.setOutput(name, value);
  if (result.ok && exportEnv && term.env.GITHUB_ENV) {
    for (const [name, value] of envPairs(result)) io.exportVariable(name, value);
  }
  if (summary) io.appendSummary(summaryMarkdown(result));
}

export async function guardCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'guard' }>,
): Promise<number> {
  const config = parseConfig(command.options);
  // The leases live as long as the CLI's parent: the job's shell.
  const owner = config.lease ? { pid: await cliLeaseOwnerPid(term.env, term.ppid) } : undefined;
  const { result, problems } = await runGuard(config, {
    ...(owner ? { owner } : {}),
    onWait: ({ conflicts, seconds }) =>
      term.stderr(`port-guard: ${waitingMessage(conflicts, seconds)}\n`),
    ...(command.verbose
      ? { debug: (line: string) => term.stderr(`port-guard: ${printable(line)}\n`) }
      : {}),
  });
  for (const problem of problems) term.stderr(`warning: ${problem}\n`);
  for (const note of annotationsFor(result)) term.stderr(`${note.level}: ${note.message}\n`);
  switch (command.format) {
    case 'json':
      term.stdout(
        JSON.stringify(
          {
            ok: result.ok,
            ports: result.ok ? JSON.parse(portOutputs(result).ports!) : {},
            assignments: result.assignments,
            conflicts: JSON.parse(conflictsJson(result.conflicts)),
            ...(result.error ? { error: result.error } : {}),
          },
          null,
          2,
        ) + '\n',
      );
      break;
    case 'env':
      if (result.ok)
        term.stdout(
          envPairs(result)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
      break;
    case 'github':
      await writeGithub(term, result, config.exportEnv, config.summary);
      break;
    default:
      term.stdout(textTable(result) + '\n');
  }
  return result.ok ? EXIT_OK : EXIT_CONFLICT;
}
