/**
 * The command line: parse, run one subcommand, turn its outcome into an exit code. Commands
 * only parse and print; the work is in the engine.
 */
import { parseCliArgs, USAGE } from './options.js';
import { guardCommand } from './guard.js';
import { releaseCommand } from './release.js';
import {
  EXIT_CONFLICT,
  EXIT_OK,
  EXIT_USAGE,
  printInputErrors,
  processTerminal,
  type Terminal,
} from './terminal.js';
import { VERSION } from './version.js';
import { CancelledError } from '../allocate/cancellation.js';
import { cancelledMessage } from '../report/messages.js';
import { InputError, InputErrors } from '../spec/input-error.js';
import { sourceMappedStack } from '../system/source-stack.js';

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], term: Terminal = processTerminal): Promise<number> {
  try {
    const command = parseCliArgs(argv);
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
    if (err instanceof InputError || err instanceof InputErrors) {
      printInputErrors(term, err);
      return EXIT_USAGE;
    }
    if (err instanceof CancelledError) {
      term.stderr(`port-guard: ${cancelledMessage(err)}\n`);
      return err.exitCode;
    }
    term.stderr(
      `port-guard: unexpected failure: ${err instanceof Error ? (err.stack ? sourceMappedStack(err.stack) : err.message) : String(err)}\n`,
    );
    return EXIT_CONFLICT;
  }
}
