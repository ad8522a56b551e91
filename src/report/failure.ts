/**
 * A run that ended in an error, as the fronts report it: one kind, one line, one exit code.
 * Never a stack trace: the user gets the cause; `--verbose` / ACTIONS_STEP_DEBUG get the stack.
 */
import { CancelledError } from '../allocate/cancellation.js';
import { InputError, InputErrors } from '../spec/input-error.js';
import { cancelledMessage, printable } from './messages.js';

export type FailureKind = 'usage' | 'cancelled' | 'system' | 'internal';

export interface Failure {
  kind: FailureKind;
  /** One line, without the `port-guard:` prefix. */
  message: string;
  /** The CLI's exit code: 2 usage or input, 128+n signal, 3 port-guard could not work. */
  exitCode: number;
  /** The input errors, one per input, for `usage`. */
  errors: InputError[];
}

export const EXIT_SYSTEM = 3;

/** Error codes meaning the host ran out of something or its file system failed. */
const SYSTEM_CODES = new Set([
  'EMFILE',
  'ENFILE',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EIO',
  'ENOMEM',
  'ENOBUFS',
  'EACCES',
  'EPERM',
]);

const oneLine = (text: string): string => printable(text.replace(/\s*\r?\n\s*/g, '; '));

/**
 * Classifies what a front caught. An error that says it is a system failure (an
 * `exitCode` of 3, as the engine's SystemError has, or a Node error code such as EMFILE or
 * ENOSPC) is `system`; anything else unexpected is `internal` — both exit 3.
 */
export function describeFailure(err: unknown): Failure {
  if (err instanceof InputError || err instanceof InputErrors) {
    const errors = err instanceof InputErrors ? err.errors : [err];
    const problems = errors.flatMap((e) => e.problems);
    return {
      kind: 'usage',
      message: oneLine(problems.length === 1 ? problems[0] : `${problems.length} input errors`),
      exitCode: 2,
      errors,
    };
  }
  if (err instanceof CancelledError)
    return {
      kind: 'cancelled',
      message: cancelledMessage(err),
      exitCode: err.exitCode,
      errors: [],
    };
  const e = err as { exitCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
  const message =
    err instanceof Error || typeof e?.message === 'string' ? String(e.message) : String(err);
  // The engine's own (the lease helper's SystemError, an output file): its message names the cause.
  if (e?.exitCode === EXIT_SYSTEM || e?.name === 'SystemError')
    return { kind: 'system', message: oneLine(message), exitCode: EXIT_SYSTEM, errors: [] };
  if (typeof e?.code === 'string' && SYSTEM_CODES.has(e.code)) {
    return {
      kind: 'system',
      message: oneLine(`could not work: ${message}`),
      exitCode: EXIT_SYSTEM,
      errors: [],
    };
  }
  return {
    kind: 'internal',
    message: oneLine(
      `internal error: ${message || 'unknown'} (a bug in port-guard; --verbose shows where)`,
    ),
    exitCode: EXIT_SYSTEM,
    errors: [],
  };
}

/** The stack of what was caught, for the debug log only. */
export function failureStack(err: unknown): string | undefined {
  return err instanceof Error ? err.stack : undefined;
}
