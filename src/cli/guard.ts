/** `port-guard [options] SPEC...`: check the ports, hand out replacements, print the result. */
import type { CliCommand, OutputFormat } from './options.js';
import { UsageError } from './options.js';
import { EXIT_CONFLICT, EXIT_OK, type Terminal } from './terminal.js';
import type { RunnerIO } from '../action/runner-io.js';
import type { AllocationResult } from '../allocate/allocate.js';
import { runGuard } from '../allocate/guard.js';
import { cliLeaseOwner, ownerOption, type CliOwner } from '../lease/lease-owner.js';
import { describeFailure } from '../report/failure.js';
import { resultJson } from '../report/json.js';
import { annotationsFor, printable, waitingMessage } from '../report/messages.js';
import { summaryMarkdown } from '../report/markdown.js';
import { envPairs, publishedOutputs } from '../report/outputs.js';
import { textTable } from '../report/text-table.js';
import { parseConfig, type Config } from '../spec/config.js';

/** Where `--format github` writes, checked before anything is probed or leased. */
interface GithubTarget {
  io: RunnerIO;
  exportEnv: boolean;
  summary: boolean;
}

/** The runner protocol for `--format github`: the terminal's, or the real one. */
export async function runnerOf(term: Terminal): Promise<RunnerIO> {
  if (term.runner) return term.runner;
  // The runner protocol is loaded only for this format.
  const { runnerIO } = await import('../action/runner-io.js');
  return runnerIO;
}

/**
 * Every check `--format github` needs before a side effect: GITHUB_OUTPUT (and GITHUB_ENV with
 * --export-env) set (else exit 2) and writable (else exit 3, one line naming the file). A
 * summary file that cannot be written is a warning; the run goes on without a summary.
 */
async function githubTarget(term: Terminal, config: Config): Promise<GithubTarget> {
  const io = await runnerOf(term);
  if (!term.env.GITHUB_OUTPUT)
    throw new UsageError(
      '--format',
      '--format github: GITHUB_OUTPUT is not set (this format is for GitHub Actions steps; use --format json or env elsewhere)',
    );
  if (config.exportEnv && !term.env.GITHUB_ENV)
    throw new UsageError(
      '--export-env',
      '--export-env true with --format github: GITHUB_ENV is not set (this format is for GitHub Actions steps)',
    );
  const unwritable =
    io.fileProblem('GITHUB_OUTPUT') ??
    (config.exportEnv ? io.fileProblem('GITHUB_ENV') : undefined);
  if (unwritable) throw unwritable;
  let summary = config.summary && Boolean(term.env.GITHUB_STEP_SUMMARY);
  const summaryProblem = summary ? io.fileProblem('GITHUB_STEP_SUMMARY') : undefined;
  if (summaryProblem) {
    io.annotate('warning', `port-guard: no job summary: ${summaryProblem.message}`);
    summary = false;
  }
  return { io, exportEnv: config.exportEnv, summary };
}

/** What `--format env` prints when the run fails: `eval` of it fails too (see README). */
export function envFailureLine(exitCode: number): string {
  return `(exit ${exitCode})\n`;
}

/** The results, in the chosen format; synchronous, so nothing can interrupt it half-way. */
function publish(
  term: Terminal,
  format: OutputFormat,
  result: AllocationResult,
  problems: readonly string[],
  github: GithubTarget | undefined,
): void {
  if (github) {
    // The action's annotations, through the same runner protocol.
    for (const problem of problems) github.io.annotate('warning', problem);
    for (const note of annotationsFor(result)) github.io.annotate(note.level, note.message);
    if (github.summary) {
      try {
        github.io.appendSummary(summaryMarkdown(result));
      } catch (err) {
        github.io.annotate(
          'warning',
          `port-guard: no job summary: ${describeFailure(err).message}`,
        );
      }
    }
    for (const [name, value] of Object.entries(publishedOutputs(result)))
      github.io.setOutput(name, value);
    if (result.ok && github.exportEnv)
      for (const [name, value] of envPairs(result)) github.io.exportVariable(name, value);
    return;
  }
  for (const problem of problems) term.stderr(`warning: ${problem}\n`);
  for (const note of annotationsFor(result)) term.stderr(`${note.level}: ${note.message}\n`);
  switch (format) {
    case 'json':
      term.stdout(resultJson(result) + '\n');
      break;
    case 'env':
      term.stdout(
        result.ok
          ? envPairs(result)
              .map(([k, v]) => `${k}=${v}\n`)
              .join('')
          : envFailureLine(EXIT_CONFLICT),
      );
      break;
    default:
      term.stdout(textTable(result) + '\n');
  }
}

/**
 * Whose leases the CLI takes: the process `--owner` names (not a running process: exit 2), or
 * the job's shell found past short-lived wrappers, or none (a TTL-only lease, with a warning).
 */
export async function cliOwner(
  term: Terminal,
  ownerValue: string | undefined,
  ttlSeconds: number,
): Promise<CliOwner> {
  const checked = ownerValue === undefined ? undefined : await ownerOption(ownerValue);
  if (checked && 'problem' in checked) throw new UsageError('--owner', checked.problem);
  return cliLeaseOwner(term.ppid, term.env, ttlSeconds, checked ? { explicit: checked } : {});
}

export async function guardCommand(
  term: Terminal,
  command: Extract<CliCommand, { kind: 'guard' }>,
): Promise<number> {
  // `--format env` exports every port: the env-name rules of export-env apply.
  const config = parseConfig(
    command.options,
    command.format === 'env' ? { exportsEnv: '--format env' } : {},
  );
  const github = command.format === 'github' ? await githubTarget(term, config) : undefined;
  const checkedOwner =
    config.lease || command.owner !== undefined
      ? await cliOwner(term, command.owner, config.leaseTtlSeconds)
      : undefined;
  const owner = config.lease ? checkedOwner?.owner : undefined;
  const ownerWarning = owner ? checkedOwner?.warning : undefined;
  const { result } = await runGuard(config, {
    ...(owner ? { owner } : {}),
    publish: ({ result, problems }) =>
      publish(
        term,
        command.format,
        result,
        ownerWarning ? [ownerWarning, ...problems] : problems,
        github,
      ),
    onWait: ({ conflicts, seconds }) =>
      term.stderr(`port-guard: ${waitingMessage(conflicts, seconds)}\n`),
    ...(command.verbose
      ? { debug: (line: string) => term.stderr(`port-guard: ${printable(line)}\n`) }
      : {}),
  });
  return result.ok ? EXIT_OK : EXIT_CONFLICT;
}
