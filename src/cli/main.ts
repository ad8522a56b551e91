/**
 * The command line: parse, run one subcommand, turn its outcome into an exit code. Commands
 * only parse and print; the work is in the engine.
 *
 * Exit codes: 0 all ports assigned, 1 conflict or nothing free, 2 usage or input error, 3
 * port-guard itself could not work (and any unexpected internal error), 128+n a signal. Every
 * failure is one line per problem on stderr, never a stack trace.
 */
import { parseCliArgs, type OutputFormat } from './options.js';
import { envFailureLine, guardCommand, runnerOf } from './guard.js';
import { releaseCommand } from './release.js';
import { EXIT_OK, processTerminal, type Terminal } from './terminal.js';
import { USAGE, VERSION } from './usage.js';
import { describeFailure, failureStack, type Failure } from '../report/failure.js';
import { printable } from '../report/messages.js';
import { failureJson } from '../report/json.js';
import { sourceMappedStack } from '../system/source-stack.js';

/**
 * The `--format` an argv asks for, read without parsing it (a command line that does not
 * parse still gets its error in the format it asked for).
 */
export function requestedFormat(argv: readonly string[]): OutputFormat {
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--format' && i + 1 < argv.length) format = argv[++i]!;
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  }
  return (['json', 'env', 'github'] as const).find((f) => f === format) ?? 'text';
}

async function report(term: Terminal, format: OutputFormat, failure: Failure): Promise<void> {
  const lines =
    failure.kind === 'usage' ? failure.errors.flatMap((e) => e.problems) : [failure.message];
  // `--format github` speaks the runner's protocol when there is a runner; elsewhere (the
  // usual reason for GITHUB_OUTPUT not being set) plain lines on stderr.
  if (format === 'github' && term.env.GITHUB_ACTIONS === 'true') {
    try {
      const io = await runnerOf(term);
      for (const e of failure.kind === 'usage' ? failure.errors : [])
        for (const p of e.problems) io.annotate('error', p, `port-guard: input ${e.input}`);
      if (failure.kind !== 'usage') io.annotate('error', `port-guard: ${failure.message}`);
      return;
    } catch {
      // No runner protocol: fall back to plain lines.
    }
  }
  for (const line of lines) term.stderr(`port-guard: ${line.replace(/\r?\n/g, ' ')}\n`);
  if (format === 'json') term.stdout(failureJson(failure) + '\n');
  if (format === 'env') term.stdout(envFailureLine(failure.exitCode));
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], term: Terminal = processTerminal): Promise<number> {
  let format = requestedFormat(argv);
  try {
    const command = parseCliArgs(argv);
    if ('format' in command) format = command.format;
    switch (command.kind) {
      case 'help':
        term.stdout(USAGE + '\n');
        return EXIT_OK;
      case 'version':
        term.stdout(VERSION + '\n');
        return EXIT_OK;
      case 'guard':
        return await guardCommand(term, command);
      case 'release':
        return await releaseCommand(term, command);
      case 'wait': {
        // Loaded on demand, like who: the readiness engine is not needed to check ports.
        const { waitCommand } = await import('./wait.js');
        return await waitCommand(term, command);
      }
      case 'exec': {
        const { execCommand } = await import('./exec.js');
        return await execCommand(term, command);
      }
      case 'who': {
        // Loaded on demand: checking ports never needs the holder lookup unless a port is busy.
        const { whoCommand } = await import('./who.js');
        return await whoCommand(term, command);
      }
    }
  } catch (err) {
    const failure = describeFailure(err);
    await report(term, format, failure);
    // The stack is for a bug report, asked for with --verbose; never part of the message.
    const stack = failureStack(err);
    if (failure.kind === 'internal' && stack && argv.includes('--verbose'))
      term.stderr(
        `port-guard: (verbose) ${printable(sourceMappedStack(stack)).replace(/\\x0a/g, '\n  ')}\n`,
      );
    return failure.exitCode;
  }
}
